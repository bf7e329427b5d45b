import { DIFF_KINDS } from '@planning-hub/contracts/api/diff';
import { useT } from '../../i18n/i18n-context';

/** The first headers of a table of diff counts per table: the table, then added, removed and changed. */
export function DiffKindHeaders() {
  const t = useT();
  return (
    <>
      <th scope="col">{t('diff.summary.table')}</th>
      {DIFF_KINDS.map((kind) => (
        <th key={kind} scope="col" className="num">
          {t(`diff.kind.${kind}`)}
        </th>
      ))}
    </>
  );
}
