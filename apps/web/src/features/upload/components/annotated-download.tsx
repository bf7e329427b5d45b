import { useState } from 'react';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import { saveBytesFile } from '../../../lib/download';
import { useI18n } from '../../../i18n/i18n-context';

/** Whether a report has problems to write into the files: errors or warnings (notices are only said). */
export function hasMarkableProblems(report: TImportReport): boolean {
  return report.problems.some((problem) => problem.severity !== 'notice');
}

/** The files of the upload with their problems written in, zipped, in the reader's language (docs/design.md section 3). */
async function buildAnnotatedZip(
  files: readonly File[],
  report: TImportReport,
  language: 'en' | 'ja',
): Promise<Uint8Array> {
  // Loaded on the first click: the zip library and the annotator stay out of the initial bundle.
  const [{ annotateBundle, listAnnotatedFiles }, { zipFiles }] = await Promise.all([
    import('@planning-hub/planner-files/annotate-bundle'),
    import('@planning-hub/planner-files/zip-files'),
  ]);
  const dropped = await Promise.all(
    files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  return zipFiles(listAnnotatedFiles(annotateBundle({ files: dropped, report, language })));
}

/**
 * "Download with problems marked": built in the browser from the files just uploaded and
 * the report about them; no server round trip (the server keeps no refused file).
 */
export function AnnotatedDownload({ files, report }: { files: readonly File[]; report: TImportReport }) {
  const { language, t } = useI18n();
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; reason: string }
  >({ kind: 'idle' });

  async function download() {
    setState({ kind: 'busy' });
    try {
      const zip = await buildAnnotatedZip(files, report, language);
      saveBytesFile(`${report.label}-problems-marked.zip`, zip, 'application/zip');
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="stack-s annotated-download">
      <div>
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => void download()}
          disabled={state.kind === 'busy'}
        >
          {t('upload.annotated.download')}
        </button>
        {state.kind === 'busy' ? (
          <span className="muted" role="status">
            {' '}
            {t('upload.annotated.preparing')}
          </span>
        ) : null}
      </div>
      <p className="field-hint">{t('upload.annotated.hint')}</p>
      {state.kind === 'failed' ? (
        <p className="alert alert--error" role="alert">
          {t('upload.annotated.failed', { reason: state.reason })}
        </p>
      ) : null}
    </div>
  );
}
