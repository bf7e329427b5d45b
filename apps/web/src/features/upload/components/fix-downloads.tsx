import type { TProblem } from '@planning-hub/contracts/problems';
import { saveBytesFile, saveTextFile } from '../../../lib/download';
import { useI18n } from '../../../i18n/i18n-context';
import { translateProblem } from '../../../i18n/problem-messages';
import { formatProblemsCsv } from '../fix/problems-csv';
import { buildEditedFiles, type TFixSession } from '../fix/fix-session';

type TFixDownloadsProps = {
  session: TFixSession;
  /** Edited cells a file's encoding cannot hold: no edited file can be written yet. */
  hasUnencodable: boolean;
};

/**
 * Beside the grid: the problems of the newest report as CSV for Excel (messages as the
 * screen words them), and each edited file, byte for byte as dropped but for its edited rows.
 */
export function FixDownloads({ session, hasUnencodable }: TFixDownloadsProps) {
  const { language, t } = useI18n();
  const editedNames = [...new Set([...session.edits.values()].map((edit) => edit.file))].sort();
  const messageOf = (problem: TProblem) =>
    (language === 'en' ? null : translateProblem(problem, language)) ?? problem.message;

  function downloadProblems() {
    saveTextFile(
      `${session.report.label}-problems.csv`,
      formatProblemsCsv(session.report.problems, messageOf),
      'text/csv;charset=utf-8',
    );
  }

  function downloadFile(name: string) {
    const bytes = buildEditedFiles(session).get(name);
    if (bytes) saveBytesFile(name, bytes, 'text/csv');
  }

  return (
    <section className="stack-s fix-downloads" aria-labelledby="fix-downloads-title">
      <h3 id="fix-downloads-title">{t('fix.download.title')}</h3>
      <div>
        <button type="button" className="btn btn--secondary btn--small" onClick={downloadProblems}>
          {t('fix.download.problems')}
        </button>
        <p className="field-hint">{t('fix.download.problemsHint')}</p>
      </div>
      <p>{t('fix.download.edited')}</p>
      {editedNames.length === 0 ? (
        <p className="muted">{t('fix.download.none')}</p>
      ) : (
        <ul className="plain-list fix-download-list">
          {editedNames.map((name) => (
            <li key={name}>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                disabled={hasUnencodable}
                onClick={() => downloadFile(name)}
              >
                {t('fix.download.file', { file: name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
