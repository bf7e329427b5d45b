import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-context';
import type { TLabelReadiness } from '../api/get-label-readiness';

type TLabelReadinessMessageProps = {
  label: string;
  isChecking: boolean;
  readiness: TLabelReadiness | undefined;
  isError: boolean;
};

/**
 * What a run on `label` would read, under the label field: its ready revision, or why
 * there is none and the way out (a draft's Review tab, the list searched for the label).
 */
export function LabelReadinessMessage({
  label,
  isChecking,
  readiness,
  isError,
}: TLabelReadinessMessageProps) {
  const t = useT();
  if (isChecking) return <>{t('runs.label.checking', { label })}</>;
  if (isError || !readiness) return <>{t('runs.label.checkFailed', { label })}</>;
  switch (readiness.kind) {
    case 'ready':
      return (
        <>
          {t('runs.label.ready', {
            label,
            revision: `r${readiness.revision.revision}`,
            versionId: readiness.revision.versionId,
          })}
        </>
      );
    case 'draftOnly':
      return (
        <>
          {t('runs.label.draftOnly', { label })}{' '}
          <Link to={paths.inputSetReview.getHref(readiness.draft.ref)}>
            {t('runs.label.openReview', { ref: readiness.draft.ref })}
          </Link>
        </>
      );
    case 'unknown':
      return (
        <>
          {t('runs.label.unknown', { label })}{' '}
          <Link to={paths.inputSets.getHref({ search: label })}>
            {t('detail.notFound.searchList', { label })}
          </Link>
        </>
      );
  }
}
