import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import { useT, useTc } from '../../../i18n/i18n-context';
import { describeKeptRows, type TKeptRows } from '../kept-rows';

/** A draft marked invalid keeps only the rows that passed: per table with errors, how many. */
export function KeptRowsList({ report }: { report: TImportReport }) {
  const t = useT();
  const tables = describeKeptRows(report);
  if (tables.length === 0) return null;
  return (
    <section className="stack-s" aria-labelledby="upload-result-kept">
      <h3 id="upload-result-kept">{t('upload.kept.title')}</h3>
      <p className="muted">{t('upload.kept.intro')}</p>
      <ul className="kept-rows">
        {tables.map((entry) => (
          <li key={entry.table}>
            <span className="mono kept-rows-table">{entry.table}</span> <KeptRowsSentence entry={entry} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function KeptRowsSentence({ entry }: { entry: TKeptRows }) {
  const t = useT();
  const tc = useTc();
  switch (entry.kind) {
    case 'missing':
      return <>{t('upload.kept.missing')}</>;
    case 'exact':
      return <>{tc('upload.kept.exact', entry.rejected, { kept: entry.kept, read: entry.read })}</>;
    case 'atLeast':
      return <>{tc('upload.kept.atLeast', entry.rejected, { kept: entry.kept })}</>;
    case 'wholeFile':
      return <>{t('upload.kept.wholeFile', { kept: entry.kept })}</>;
    case 'tableRule':
      return <>{t('upload.kept.tableRule', { kept: entry.kept })}</>;
  }
}
