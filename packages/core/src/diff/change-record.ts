import Decimal from 'decimal.js';
import type { TDiffChange, TDiffChangedRow } from '@planning-hub/contracts/api/diff';
import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';

/** Enough digits for two 38-digit quantities and their ratio; never a binary float. */
const Exact = Decimal.clone({
  precision: 80,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});

export const PERCENT_DECIMAL_PLACES = 4;

/** new - old, exactly, in plain notation (`100.5` - `100` = `0.5`); null when a side is empty. */
export function decimalDelta(oldValue: string | null, newValue: string | null): string | null {
  if (oldValue === null || newValue === null) return null;
  return new Exact(newValue).minus(oldValue).toFixed();
}

/**
 * (new - old) / |old| * 100, rounded half-up to 4 places. Divided by the magnitude
 * so that a rise reads positive even for negative metrics; null when old is 0.
 */
export function decimalPercent(oldValue: string | null, newValue: string | null): string | null {
  if (oldValue === null || newValue === null) return null;
  const old = new Exact(oldValue);
  if (old.isZero()) return null;
  const percent = new Exact(newValue)
    .minus(old)
    .div(old.abs())
    .times(100)
    .toDecimalPlaces(PERCENT_DECIMAL_PLACES);
  // -0 after rounding a tiny drop reads better as 0.
  return percent.isZero() ? '0' : percent.toFixed();
}

/** A changed column as PostgreSQL reports it, before the arithmetic. */
export type TRawChange = { column: string; old: string | null; new: string | null };
export type TRawChangedRow = { key: Record<string, string | null>; changes: TRawChange[] };

/** Adds delta and percent to the decimal columns of a changed row; other columns pass as they are. */
export function buildChangedRow(table: TTableName, raw: TRawChangedRow): TDiffChangedRow {
  const columns = TABLE_SPECS[table].columns;
  const changes = raw.changes.map((change): TDiffChange => {
    const spec = columns.find((c) => c.name === change.column);
    if (spec?.type !== 'decimal') return { column: change.column, old: change.old, new: change.new };
    return {
      column: change.column,
      old: change.old,
      new: change.new,
      delta: decimalDelta(change.old, change.new),
      percent: decimalPercent(change.old, change.new),
    };
  });
  return { key: raw.key, changes };
}
