import { readFile } from 'node:fs/promises';
import type { TDiffKind } from '@planning-hub/contracts/api/diff';
import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';

/**
 * Next to each row file `<table>.<kind>.ndjson` of a cached diff, the job writes
 * `<table>.<kind>.idx`: one fixed-size binary record per row, in the same order, with
 * what filters and sorts need without parsing JSON (docs/design.md section 6):
 * - the row's byte offset in the NDJSON file (pages of a filtered or sorted list are read by seeking);
 * - per decimal column, the change (`new - old`; `+value` for an added row, `-value` for a
 *   removed one) and the old value, each as a mantissa and a scale (exact when the
 *   mantissa is a safe integer), for |Δ| sorting and thresholds and for tolerances;
 * - per key column, the id of its value in `<table>.keys.json` (the distinct values of
 *   each key column in the diff), so that a key filter compares a few thousand strings, not a million;
 * - a bit mask of the columns the row changes (added and removed rows: all of them).
 */

/** A scale byte saying there is no value (a side is empty, or the column did not change). */
export const SCALE_NONE = -1;
/** A scale byte saying the mantissa is only a float approximation; the exact value is in the row. */
export const SCALE_INEXACT = -2;

export type TIndexLayout = {
  table: TTableName;
  keyColumns: readonly string[];
  /** Bit i of the mask is valueColumns[i]. */
  valueColumns: readonly string[];
  decimalColumns: readonly string[];
  recordBytes: number;
  keysAt: number;
  maskAt: number;
  scalesAt: number;
};

export function indexLayoutOf(table: TTableName): TIndexLayout {
  const spec = TABLE_SPECS[table];
  const keyColumns = [...spec.key];
  const valueColumns = spec.columns.map((c) => c.name).filter((name) => !keyColumns.includes(name));
  const decimalColumns = spec.columns
    .filter((c) => c.type === 'decimal' && !keyColumns.includes(c.name))
    .map((c) => c.name);
  const keysAt = 8 + 16 * decimalColumns.length;
  const maskAt = keysAt + 4 * keyColumns.length;
  const scalesAt = maskAt + 4;
  const recordBytes = Math.ceil((scalesAt + 2 * decimalColumns.length) / 8) * 8;
  return { table, keyColumns, valueColumns, decimalColumns, recordBytes, keysAt, maskAt, scalesAt };
}

export const rowIndexFileName = (table: TTableName, kind: TDiffKind) => `${table}.${kind}.idx`;
export const keyDictionaryFileName = (table: TTableName) => `${table}.keys.json`;

/** The distinct values of each key column of one table's diff rows; ids index `values[column]`. */
export type TKeyDictionary = { columns: string[]; values: string[][] };

export type TDecimalIndex = {
  column: string;
  delta: Float64Array;
  deltaScale: Int8Array;
  old: Float64Array;
  oldScale: Int8Array;
};

/** One row file's index, column by column. */
export type TRowIndex = {
  layout: TIndexLayout;
  count: number;
  offsets: Float64Array;
  /** Size of the NDJSON file, where the last row ends. */
  fileBytes: number;
  keyIds: Int32Array[];
  masks: Uint32Array;
  decimals: TDecimalIndex[];
};

/** Reads an index file into typed arrays (a million rows: ~50 MB, tens of milliseconds). */
export async function loadRowIndex(file: string, table: TTableName, fileBytes: number): Promise<TRowIndex> {
  const layout = indexLayoutOf(table);
  const buffer = await readFile(file);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const count = Math.floor(buffer.byteLength / layout.recordBytes);
  const offsets = new Float64Array(count);
  const keyIds = layout.keyColumns.map(() => new Int32Array(count));
  const masks = new Uint32Array(count);
  const decimals = layout.decimalColumns.map((column) => ({
    column,
    delta: new Float64Array(count),
    deltaScale: new Int8Array(count),
    old: new Float64Array(count),
    oldScale: new Int8Array(count),
  }));
  for (let row = 0, at = 0; row < count; row += 1, at += layout.recordBytes) {
    offsets[row] = view.getFloat64(at, true);
    decimals.forEach((decimal, j) => {
      decimal.delta[row] = view.getFloat64(at + 8 + 16 * j, true);
      decimal.old[row] = view.getFloat64(at + 16 + 16 * j, true);
      decimal.deltaScale[row] = view.getInt8(at + layout.scalesAt + 2 * j);
      decimal.oldScale[row] = view.getInt8(at + layout.scalesAt + 2 * j + 1);
    });
    keyIds.forEach((ids, k) => {
      ids[row] = view.getInt32(at + layout.keysAt + 4 * k, true);
    });
    masks[row] = view.getUint32(at + layout.maskAt, true);
  }
  return { layout, count, offsets, fileBytes, keyIds, masks, decimals };
}

const POWERS = Array.from({ length: 40 }, (_, i) => 10 ** i);

/** A mantissa and scale as a float, for ordering and thresholds (exact values go through exact-decimal.ts). */
export function approximateOf(mantissa: number, scale: number): number {
  if (scale === SCALE_NONE) return Number.NaN;
  if (scale === SCALE_INEXACT) return mantissa;
  return mantissa / (POWERS[scale] ?? 10 ** scale);
}

/** |Δ| of a row: of one decimal column, or the largest over them; 0 when none changed. */
export function absDeltaOf(index: TRowIndex, row: number, decimalSlot: number | null): number {
  let largest = 0;
  for (let j = 0; j < index.decimals.length; j += 1) {
    if (decimalSlot !== null && j !== decimalSlot) continue;
    const decimal = index.decimals[j]!;
    const value = Math.abs(approximateOf(decimal.delta[row]!, decimal.deltaScale[row]!));
    if (value > largest) largest = value;
  }
  return largest;
}
