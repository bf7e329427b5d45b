import { useT } from '../../../i18n/i18n-context';
import { ProblemsByFile } from '../../../components/ui/problems-table';
import { RowCountsTable } from '../../../components/ui/row-counts';
import { MetadataList } from '../components/metadata-list';
import { TableViewer } from '../components/table-viewer';
import { useInputSetOutlet } from '../ref-param';
import { ProblemCountChip } from '../../../components/ui/problem-count-chip';

export function OverviewTab() {
  const t = useT();
  const { inputSet } = useInputSetOutlet();
  const summary = inputSet.problemSummary;
  const hasProblems = inputSet.problems.length > 0 || summary.errors > 0 || summary.warnings > 0;

  return (
    <div className="stack-l">
      <div className="overview-grid">
        <section className="card" aria-labelledby="overview-details">
          <h2 id="overview-details">{t('overview.details')}</h2>
          <MetadataList inputSet={inputSet} />
        </section>
        <section className="card" aria-labelledby="overview-counts">
          <h2 id="overview-counts">{t('overview.rowCounts')}</h2>
          <RowCountsTable counts={inputSet.rowCounts} caption={t('overview.rowCountsCaption')} />
        </section>
      </div>

      <section className="card stack" aria-labelledby="overview-problems">
        <h2 id="overview-problems">{t('overview.problems')}</h2>
        {hasProblems ? (
          <>
            <p className="problem-summary">
              <ProblemCountChip severity="error" count={summary.errors} />
              <ProblemCountChip severity="warning" count={summary.warnings} />
              {summary.truncated ? <span className="muted">{t('problems.truncated')}</span> : null}
            </p>
            <ProblemsByFile problems={inputSet.problems} headingLevel="h3" />
          </>
        ) : (
          <p className="muted">{t('overview.noProblems')}</p>
        )}
      </section>

      <section className="card stack" aria-labelledby="overview-viewer">
        <h2 id="overview-viewer">{t('overview.tableViewer')}</h2>
        <TableViewer inputSet={inputSet} />
      </section>
    </div>
  );
}
