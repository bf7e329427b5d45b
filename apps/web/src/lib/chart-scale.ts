/** Round tick values for an axis from `min` to `max`: 0, 250, 500, … (1, 2, 2.5 or 5 times a power of ten). */
export function niceTicks(min: number, max: number, targetCount = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (max === min) {
    if (max === 0) return [0, 1];
    return max > 0 ? niceTicks(0, max, targetCount) : niceTicks(min, 0, targetCount);
  }
  const rawStep = (max - min) / Math.max(1, targetCount - 1);
  const power = 10 ** Math.floor(Math.log10(rawStep));
  const step =
    [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rawStep) ??
    10 * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let value = first; value < max + step * 0.999; value += step)
    ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/** Maps `value` in [domainMin, domainMax] to [rangeMin, rangeMax]. */
export function scaleLinear(
  value: number,
  domainMin: number,
  domainMax: number,
  rangeMin: number,
  rangeMax: number,
): number {
  if (domainMax === domainMin) return (rangeMin + rangeMax) / 2;
  return rangeMin + ((value - domainMin) / (domainMax - domainMin)) * (rangeMax - rangeMin);
}

/** Every n-th label so that at most `maxLabels` fit under the axis (the last one always shows). */
export function labelEvery(count: number, maxLabels: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, maxLabels)));
}

/** A decimal as the API sends it (`"1234.5"`) as a number for drawing; null when it is not one. */
export function toNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

const AXIS_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Axis labels: `1.2k`, `35`, `0.5`. */
export function formatAxisValue(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${Number((value / 1_000_000).toFixed(1))}M`;
  if (abs >= 10_000) return `${Number((value / 1000).toFixed(1))}k`;
  return AXIS_NUMBER.format(value);
}
