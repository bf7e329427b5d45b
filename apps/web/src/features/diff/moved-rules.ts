import {
  DIFF_MEASURES,
  MEASURED_TABLES,
  dimensionsOf,
  measureColumnsOf,
  type TColumnTolerance,
  type TDiffDimension,
  type TMeasuredTable,
} from '@planning-hub/contracts/api/diff';
import type { TDiffMeasureTotals } from '@planning-hub/contracts/api/diff-summary';
import { parseToleranceParams } from '@planning-hub/contracts/api/diff-tolerance';

/** A measured column: `demand.quantity`. */
export type TMeasure = { table: TMeasuredTable; column: string };

export const measureName = (measure: TMeasure) => `${measure.table}.${measure.column}`;

export const ALL_MEASURES: readonly TMeasure[] = MEASURED_TABLES.flatMap((table) =>
  measureColumnsOf(table).map((column) => ({ table, column })),
);

const hasMoved = (totals: TDiffMeasureTotals) =>
  totals.delta !== '0' || totals.added + totals.removed + totals.changed + totals.hidden > 0;

/** `?measure=demand.quantity`, else the first measured column that moved, else demand.quantity. */
export function measureFromParams(
  params: URLSearchParams,
  totals: readonly TDiffMeasureTotals[] | undefined,
): TMeasure {
  const named = ALL_MEASURES.find((measure) => measureName(measure) === params.get('measure'));
  if (named) return named;
  const moved = totals?.find(hasMoved);
  return moved ? { table: moved.table, column: moved.column } : ALL_MEASURES[0]!;
}

/** `?by=` when the table is totalled by it, else the table's first key column (item_code, resource_code). */
export function dimensionFromParams(params: URLSearchParams, table: TMeasuredTable): TDiffDimension {
  const by = params.get('by');
  return dimensionsOf(table).find((dimension) => dimension === by) ?? DIFF_MEASURES[table].dimensions[0];
}

/** The chart shows totals by period; inventory has none, so by its last key column (location). */
export function chartDimensionOf(table: TMeasuredTable): TDiffDimension {
  const dimensions = dimensionsOf(table);
  return dimensions.includes('period') ? 'period' : dimensions[dimensions.length - 1]!;
}

/** Seconds since `iso` (never negative), for "queued 12 s ago". */
export function secondsSince(iso: string, now: number): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((now - at) / 1000));
}

/** `quantity: 0.5%`, `on_hand: 10`, `quantity: 0.5% / 10`: a column's tolerance as the reviewer reads it. */
export function formatTolerance(
  column: string,
  tolerance: TColumnTolerance | null | undefined,
): string | null {
  if (!tolerance) return null;
  const parts = [
    tolerance.relative !== undefined ? `${tolerance.relative}%` : null,
    tolerance.absolute !== undefined ? tolerance.absolute : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? `${column}: ${parts.join(' / ')}` : null;
}

/** The tolerance field's text as query parameters: `demand.quantity:0.5%, inventory.on_hand:10` -> two. */
export function splitToleranceText(text: string): string[] {
  return text
    .split(/[\s,、]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Whether the field's text spells tolerances the server takes (an empty field clears them). */
export function isToleranceTextValid(text: string): boolean {
  return !('error' in parseToleranceParams(splitToleranceText(text)));
}
