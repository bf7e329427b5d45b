import { useTc } from '../../i18n/i18n-context';

/** `3 errors` / `1 warning` as a coloured chip; the words carry the meaning, not the colour. */
export function ProblemCountChip({
  severity,
  count,
  isLarge,
}: {
  severity: 'error' | 'warning';
  count: number;
  isLarge?: boolean;
}) {
  const tc = useTc();
  return (
    <span className={`count-chip count-chip--${severity}${isLarge ? ' count-chip--large' : ''}`}>
      {tc(severity === 'error' ? 'problems.errorCount' : 'problems.warningCount', count)}
    </span>
  );
}
