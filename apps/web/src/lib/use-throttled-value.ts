import { useEffect, useRef, useState } from 'react';

/**
 * `value`, updated at most once per `intervalMs` (the latest value wins). For
 * values compared with Object.is: strings and numbers.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [throttled, setThrottled] = useState(value);
  const lastUpdateRef = useRef(0);

  useEffect(() => {
    if (Object.is(value, throttled)) return;
    const wait = Math.max(0, lastUpdateRef.current + intervalMs - Date.now());
    const timer = window.setTimeout(() => {
      lastUpdateRef.current = Date.now();
      setThrottled(value);
    }, wait);
    return () => window.clearTimeout(timer);
  }, [value, throttled, intervalMs]);

  return throttled;
}
