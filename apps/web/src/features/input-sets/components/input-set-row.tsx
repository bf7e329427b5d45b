import type { Ref } from 'react';
import { Link } from 'react-router';
import type { TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { paths } from '../../../config/paths';
import { formatJst } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { CopyButton } from '../../../components/ui/copy-button';
import { RowCountsInline } from '../../../components/ui/row-counts';
import { StatusBadge } from '../../../components/ui/status-badge';
import { ProblemCountChip } from '../../../components/ui/problem-count-chip';

export const INPUT_SET_COLUMN_COUNT = 7;

type TInputSetRowProps = {
  item: TInputSetSummary;
  /** The row's place in the whole list, from 0. */
  index: number;
  /** The virtualizer's measuring ref, when only the rows on screen are rendered. */
  rowRef?: Ref<HTMLTableRowElement>;
};

/** One input set of the list: the table renders it for every row or for the rows on screen alike. */
export function InputSetRow({ item, index, rowRef }: TInputSetRowProps) {
  const t = useT();
  return (
    <tr data-index={index} ref={rowRef} aria-rowindex={index + 2}>
      <td className="col-label">
        <Link to={paths.inputSet.getHref(item.ref)} className="label-link">
          {item.label}
        </Link>
        <div className="ref-line">
          <code className="ref">{item.ref}</code>
          <CopyButton text={item.ref} />
        </div>
      </td>
      <td className="col-status">
        <StatusBadge status={item.status} />
        {item.errorCount > 0 || item.warningCount > 0 ? (
          <div className="problem-chips">
            {item.errorCount > 0 ? <ProblemCountChip severity="error" count={item.errorCount} /> : null}
            {item.warningCount > 0 ? <ProblemCountChip severity="warning" count={item.warningCount} /> : null}
          </div>
        ) : null}
      </td>
      <td className="col-revision num">r{item.revision}</td>
      <td className="col-version mono" title={item.versionId}>
        {item.versionId}
      </td>
      <td className="col-counts">
        <RowCountsInline counts={item.rowCounts} />
      </td>
      <td className="col-updated num">
        <time dateTime={item.updatedAt}>{formatJst(item.updatedAt)}</time>
      </td>
      <td className="col-approved">
        {item.approvedBy ? (
          <>
            <span className="mono">{item.approvedBy}</span>
            {item.reviewerId ? (
              <span className="reviewer-id muted">{t('list.reviewerId', { id: item.reviewerId })}</span>
            ) : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
