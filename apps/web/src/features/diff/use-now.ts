import { useEffect, useState } from 'react';

/** The time, renewed every `intervalMs`: for "queued 12 s ago" while nothing else changes on screen. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
