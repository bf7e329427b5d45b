import { formatFigure } from '../../lib/format';

/**
 * A decimal from the API, rounded for reading (`2,386.9`); the exact value stays in the
 * tooltip (and in the run's JSON), so rounding hides nothing.
 */
export function Figure({ value, fractionDigits = 1 }: { value: string | null; fractionDigits?: number }) {
  const shown = formatFigure(value, fractionDigits);
  const exact = value?.trim() ?? '';
  const isRounded = exact !== '' && shown.replace(/,/g, '') !== exact;
  return (
    <span className="figure" title={isRounded ? exact : undefined} data-exact={exact || undefined}>
      {shown}
    </span>
  );
}
