import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useT } from '../../i18n/i18n-context';
import { ProgressBar } from '../../components/ui/progress-bar';
import { useLabelRevision } from './api/find-label-revision';
import { isAbortError, useUploadInputSet, type TUploadRequest } from './api/upload-input-set';
import { UploadForm } from './components/upload-form';
import { UploadFailed, UploadRejected, UploadStored } from './components/upload-result';

export function UploadPage() {
  const t = useT();
  const upload = useUploadInputSet();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A new form after a success, so "upload another" starts from empty fields.
  const [formKey, setFormKey] = useState(0);

  // After each answer, move focus to the result's heading so it is read out.
  useEffect(() => {
    if (upload.isSuccess || (upload.isError && !isAbortError(upload.error))) headingRef.current?.focus();
  }, [upload.isSuccess, upload.isError, upload.error, upload.data]);

  function handleSubmit(request: TUploadRequest) {
    upload.mutate(request);
  }

  // A corrected file dropped after an answer: the answer was about the old files, so it goes.
  function handleFormChange() {
    if (!upload.isPending && (upload.data || upload.isError)) upload.reset();
  }

  function startAgain() {
    upload.reset();
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

      <UploadForm key={formKey} isUploading={upload.isPending} onSubmit={handleSubmit} onChange={handleFormChange} />

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

      {upload.data?.kind === 'stored' ? <UploadStored report={upload.data.report} headingRef={headingRef} hasReady={ready.isSuccess ? ready.data !== null : null} /> : null}
      {upload.data?.kind === 'rejected' ? <UploadRejected problem={upload.data.problem} headingRef={headingRef} /> : null}
      {upload.isError && !isAbortError(upload.error) ? <UploadFailed error={upload.error} headingRef={headingRef} /> : null}

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
