import { TABLE_NAMES } from '@planning-hub/contracts/table-names';
import type { TRowCounts } from '@planning-hub/contracts/api/input-sets';
import { formatCount } from '../../lib/format';
import { useT } from '../../i18n/i18n-context';

function presentTables(counts: Partial<TRowCounts>) {
  return TABLE_NAMES.filter((name) => (counts[name] ?? 0) > 0).map(
    (name) => [name, counts[name] ?? 0] as const,
  );
}

/** Compact per-table counts for a list row: `demand 12,400 · capacity 52 …`. */
export function RowCountsInline({ counts }: { counts: Partial<TRowCounts> }) {
  const t = useT();
  const tables = presentTables(counts);
  if (tables.length === 0) return <span className="muted">{t('rowCounts.none')}</span>;
  return (
    <ul className="counts-inline">
      {tables.map(([name, count]) => (
        <li key={name}>
          <span className="counts-name">{name}</span> <span className="num">{formatCount(count)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Every table with its row count, for detail and upload result views. */
export function RowCountsTable({ counts, caption }: { counts: Partial<TRowCounts>; caption: string }) {
  const t = useT();
  const total = TABLE_NAMES.reduce((sum, name) => sum + (counts[name] ?? 0), 0);
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rowCounts.table')}</th>
          <th scope="col" className="num">
            {t('rowCounts.rows')}
          </th>
        </tr>
      </thead>
      <tbody>
        {TABLE_NAMES.map((name) => (
          <tr key={name}>
            <th scope="row" className="mono">
              {name}
            </th>
            <td className="num">{counts[name] === undefined ? '—' : formatCount(counts[name])}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('rowCounts.total')}</th>
          <td className="num">{formatCount(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
