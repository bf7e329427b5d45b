import { useState, type ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-context';

const FIRST = 50;
const MORE = 200;

/**
 * A long table rendered in slices (a plan has items x locations x periods rows):
 * `children` renders the rows to show; "Show more" adds the next slice.
 */
export function LimitedRows<T>({
  rows,
  children,
}: {
  rows: readonly T[];
  children: (shown: readonly T[]) => ReactNode;
}) {
  const t = useT();
  const [count, setCount] = useState(FIRST);
  const shown = rows.slice(0, count);
  return (
    <>
      {children(shown)}
      {rows.length > count ? (
        <div className="row">
          <span className="muted num">
            {t('problems.showing', { shown: shown.length, total: rows.length })}
          </span>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() => setCount(count + MORE)}
          >
            {t('problems.showMore')}
          </button>
        </div>
      ) : null}
    </>
  );
}
