import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** Whether the element's content is wider or taller than the element: it scrolls. */
function useIsScrollable(ref: RefObject<HTMLElement | null>): boolean {
  const [isScrollable, setIsScrollable] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () =>
      setIsScrollable(
        element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return isScrollable;
}

type TTableScrollProps = {
  /** Names the frame for a screen reader when it scrolls (the table's caption, say). */
  label: string;
  /** Classes besides `table-scroll`. */
  className?: string;
  children: ReactNode;
};

/**
 * The frame a wide or long table scrolls in, so the page itself never gets wider than
 * the screen. When it does scroll it is a labelled region in the tab order: a keyboard
 * user scrolls it with the arrow keys.
 */
export function TableScroll({ label, className, children }: TTableScrollProps) {
  const ref = useRef<HTMLDivElement>(null);
  const isScrollable = useIsScrollable(ref);
  return (
    <div
      ref={ref}
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      tabIndex={isScrollable ? 0 : undefined}
      role={isScrollable ? 'region' : undefined}
      aria-label={isScrollable ? label : undefined}
    >
      {children}
    </div>
  );
}
