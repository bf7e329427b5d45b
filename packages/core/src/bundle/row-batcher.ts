import { TABLE_SPECS, type TRow, type TTableName } from '@planning-hub/contracts/tables';

/**
 * One valid row as the sink receives it: its canonical cells in TABLE_SPECS column
 * order (null for an empty optional cell without default). An array, not a TRow
 * object: a million rows of objects keyed by column name cost the import more in
 * building and collecting than anything else (docs/performance.md, Import).
 */
export type TValidRow = readonly (string | null)[];

export type TBundleSink = (table: TTableName, rows: readonly TValidRow[]) => Promise<void>;

/** Rows handed to the sink per call: one awaited write per batch, never per row. */
export const SINK_BATCH_SIZE = 2000;

export type TRowBatcher = {
  add: (row: TValidRow) => void;
  /** Hands every full batch to the sink. */
  flushFull: () => Promise<void>;
  /** Hands everything left to the sink. */
  flushAll: () => Promise<void>;
};

/** A sink's row as an object keyed by column name (for callers that want one; the import does not). */
export function rowOfValues(table: TTableName, values: TValidRow): TRow {
  const row: TRow = {};
  TABLE_SPECS[table].columns.forEach((column, i) => {
    row[column.name] = values[i] ?? null;
  });
  return row;
}

export function createRowBatcher(
  table: TTableName,
  sink: TBundleSink,
  rowCounts: Record<TTableName, number>,
): TRowBatcher {
  let batch: TValidRow[] = [];
  const full: TValidRow[][] = [];
  async function deliver(rows: TValidRow[]): Promise<void> {
    await sink(table, rows);
    rowCounts[table] += rows.length;
  }
  return {
    add(row) {
      batch.push(row);
      if (batch.length >= SINK_BATCH_SIZE) {
        full.push(batch);
        batch = [];
      }
    },
    async flushFull() {
      for (let rows = full.shift(); rows; rows = full.shift()) await deliver(rows);
    },
    async flushAll() {
      for (let rows = full.shift(); rows; rows = full.shift()) await deliver(rows);
      if (batch.length > 0) {
        const rows = batch;
        batch = [];
        await deliver(rows);
      }
    },
  };
}
