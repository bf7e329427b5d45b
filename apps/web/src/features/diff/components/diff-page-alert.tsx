import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';

/** A page of the cell diff that could not be read (useLoadedRows' `failed`), with its retry. */
export function DiffPageAlert({
  failed,
}: {
  failed: { error: unknown; refetch: () => unknown } | undefined;
}) {
  const t = useT();
  if (!failed) return null;
  return (
    <ProblemAlert error={failed.error} title={t('diff.rows.error')} onRetry={() => void failed.refetch()} />
  );
}
