import type { ReactNode } from 'react';
import { formatCount } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { TableScroll } from '../../../components/ui/table-scroll';
import { LimitedRows } from './limited-rows';

/** One column of a plan table. */
export type TPlanColumn<TRow> = {
  header: string;
  /** `code`: monospaced; `number`: right-aligned, the header too; `text`: as is. */
  kind: 'code' | 'number' | 'text';
  value: (row: TRow) => ReactNode;
  /** Bold: the column the table is about. */
  isStrong?: boolean;
  /** A value that stands out: `bad` (stockout, overload) or `warn` (below safety stock). */
  tone?: (row: TRow) => 'bad' | 'warn' | null;
};

type TPlanTableProps<TRow> = {
  /** Id of the heading, which names the section. */
  titleId: string;
  title: string;
  /** The rows the run kept (the first ones of a long list). */
  rows: readonly TRow[];
  /** How many rows the plan has in all. */
  total: number;
  columns: readonly TPlanColumn<TRow>[];
  rowKey: (row: TRow) => string;
  /** Said instead of an empty table; without it an empty table shows its header. */
  emptyText?: string;
};

const KIND_CLASSES = { code: 'mono', number: 'num', text: undefined } as const;

function cellClassName<TRow>(column: TPlanColumn<TRow>, row: TRow): string | undefined {
  const tone = column.tone?.(row);
  const classes = [
    KIND_CLASSES[column.kind],
    column.isStrong ? 'strong' : null,
    tone ? `cell--${tone}` : null,
  ].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

/** A table of a run's plan in a card, rendered in slices ("Show more"). */
export function PlanTable<TRow>({
  titleId,
  title,
  rows,
  total,
  columns,
  rowKey,
  emptyText,
}: TPlanTableProps<TRow>) {
  const t = useT();
  return (
    <section className="card stack-s" aria-labelledby={titleId}>
      <div className="section-header">
        <h3 id={titleId}>{title}</h3>
        <span className="muted num">
          {rows.length < total
            ? t('run.plan.firstRows', { shown: formatCount(rows.length), total: formatCount(total) })
            : formatCount(total)}
        </span>
      </div>
      {rows.length === 0 && emptyText ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <LimitedRows rows={rows}>
          {(shown) => (
            <TableScroll label={title} className="table-scroll--limited">
              <table className="table table--compact table--plan">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    {columns.map((column, index) => (
                      <th key={index} scope="col" className={column.kind === 'number' ? 'num' : undefined}>
                        {column.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((row) => (
                    <tr key={rowKey(row)}>
                      {columns.map((column, index) => (
                        <td key={index} className={cellClassName(column, row)}>
                          {column.value(row)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </LimitedRows>
      )}
    </section>
  );
}
