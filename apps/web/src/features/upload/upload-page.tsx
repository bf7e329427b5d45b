import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import { paths } from '../../config/paths';
import { useT } from '../../i18n/i18n-context';
import { ProgressBar } from '../../components/ui/progress-bar';
import { useLabelRevision } from './api/find-label-revision';
import {
  isAbortError,
  useUploadInputSet,
  type TUploadOutcome,
  type TUploadRequest,
} from './api/upload-input-set';
import { FixInBrowser } from './components/fix-in-browser';
import { UploadForm } from './components/upload-form';
import { UploadFailed, UploadRejected, UploadStored } from './components/upload-result';

export function UploadPage() {
  const t = useT();
  const upload = useUploadInputSet();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A new form after a success, so "upload another" starts from empty fields.
  const [formKey, setFormKey] = useState(0);
  // The upload as made from the form, and the newest report with errors about its files: what the fix grid works on.
  const [fix, setFix] = useState<{ source: TUploadRequest; report: TImportReport } | null>(null);
  // One fix grid per upload from the form: its edits belong to those files.
  const [submissions, setSubmissions] = useState(0);

  // After each answer, move focus to the result's heading so it is read out.
  useEffect(() => {
    if (upload.isSuccess || (upload.isError && !isAbortError(upload.error))) headingRef.current?.focus();
  }, [upload.isSuccess, upload.isError, upload.error, upload.data]);

  function handleSubmit(request: TUploadRequest) {
    setFix(null);
    setSubmissions((count) => count + 1);
    upload.mutate(request, {
      onSuccess: (outcome) => {
        const report = fixableReportOf(outcome);
        setFix(report ? { source: request, report } : null);
      },
    });
  }

  // The edited files of the fix grid go through the same upload; the grid stays while errors remain.
  function handleFixStore(source: TUploadRequest, request: TUploadRequest) {
    upload.mutate(request, {
      onSuccess: (outcome) => {
        const report = fixableReportOf(outcome);
        setFix(report ? { source, report } : null);
      },
    });
  }

  // A corrected file dropped after an answer: the answer was about the old files, so it goes.
  function handleFormChange() {
    if (!upload.isPending && (upload.data || upload.isError)) upload.reset();
    if (!upload.isPending) setFix(null);
  }

  function startAgain() {
    upload.reset();
    setFix(null);
    setFormKey((key) => key + 1);
  }

  const progress = upload.progress ?? 0;
  const isStored = upload.data?.kind === 'stored';
  const storedLabel = upload.data?.kind === 'stored' ? upload.data.report.label : '';
  // After a success: a label with a ready revision offers its diff as well as its review.
  const ready = useLabelRevision(storedLabel, 'ready', { enabled: isStored });

  return (
    <section className="stack" aria-labelledby="upload-title">
      <title>{`${t('upload.title')} · ${t('app.name')}`}</title>
      <div className="page-header">
        <div>
          <h1 id="upload-title">{t('upload.title')}</h1>
          <p className="muted">{t('upload.intro')}</p>
        </div>
        <Link to={paths.inputSets.getHref()} className="btn btn--secondary">
          {t('upload.backToList')}
        </Link>
      </div>

      <UploadForm
        key={formKey}
        isUploading={upload.isPending}
        onSubmit={handleSubmit}
        onChange={handleFormChange}
      />

      {upload.isPending ? (
        <div className="card stack-s" aria-live="polite">
          <ProgressBar
            value={progress >= 100 ? null : progress}
            label={progress >= 100 ? t('upload.progress.validating') : t('upload.progress.sending')}
          />
          <div>
            <button type="button" className="btn btn--secondary btn--small" onClick={upload.cancel}>
              {t('upload.cancel')}
            </button>
          </div>
        </div>
      ) : null}

      {upload.isError && isAbortError(upload.error) ? (
        <p className="alert alert--info" role="status">
          {t('upload.cancelled')}
        </p>
      ) : null}

      {upload.data?.kind === 'stored' ? (
        <UploadStored
          report={upload.data.report}
          headingRef={headingRef}
          hasReady={ready.isSuccess ? ready.data !== null : null}
          files={upload.variables?.files ?? null}
        />
      ) : null}
      {upload.data?.kind === 'rejected' ? (
        <UploadRejected
          problem={upload.data.problem}
          headingRef={headingRef}
          files={upload.variables?.files ?? null}
        />
      ) : null}
      {upload.isError && !isAbortError(upload.error) ? (
        <UploadFailed error={upload.error} headingRef={headingRef} />
      ) : null}
      {fix ? (
        <FixInBrowser
          key={submissions}
          source={fix.source}
          report={fix.report}
          isStoring={upload.isPending}
          onStore={(request) => handleFixStore(fix.source, request)}
        />
      ) : null}

      {isStored ? (
        <p>
          <button type="button" className="btn btn--secondary" onClick={startAgain}>
            {t('upload.again')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** The report a fix grid can work from: a refused bundle's (422 with its report) or a draft stored with errors. */
function fixableReportOf(outcome: TUploadOutcome): TImportReport | null {
  const report = outcome.kind === 'stored' ? outcome.report : outcome.problem.report;
  return report && report.problemSummary.errors > 0 ? report : null;
}
