import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-context';

/** On a ready revision's pages: the label's draft waits for review (docs/runbook.ja.md section 3), one click away. */
export function WaitingDraftBanner({ label, revision }: { label: string; revision: number }) {
  const t = useT();
  return (
    <p className="alert alert--info" role="note">
      {t('detail.waitingDraft.text', { revision: `r${revision}` })}{' '}
      <Link to={paths.inputSetReview.getHref(`${label}@draft`)}>{t('detail.waitingDraft.open')}</Link>
    </p>
  );
}
