import type { TRow, TTableName } from '@planning-hub/contracts/tables';

export type TBundleSink = (table: TTableName, rows: TRow[]) => Promise<void>;

/** Rows handed to the sink per call: one awaited write per batch, never per row. */
export const SINK_BATCH_SIZE = 2000;

export type TRowBatcher = {
  add: (row: TRow) => void;
  /** Hands every full batch to the sink. */
  flushFull: () => Promise<void>;
  /** Hands everything left to the sink. */
  flushAll: () => Promise<void>;
};

export function createRowBatcher(
  table: TTableName,
  sink: TBundleSink,
  rowCounts: Record<TTableName, number>,
): TRowBatcher {
  let batch: TRow[] = [];
  const full: TRow[][] = [];
  async function deliver(rows: TRow[]): Promise<void> {
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
