import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DIFF_MEASURES, type TMeasuredTable } from '@planning-hub/contracts/api/diff';
import { useBulkTimeouts, type TSqlClient } from '../../database/transaction';
import { parseCopyTextValue } from '../input-sets/table-sql';
import { measureTotalsCopySql } from './diff-sql';

/** One revision's totals of a measured table: per column, overall and per value of each dimension. */
export type TMeasureTotals = {
  /** Per measured column (DIFF_MEASURES order): the total as exact decimal text. */
  total: string[];
  /** Per dimension (DIFF_MEASURES order): value -> per column total. */
  groups: Map<string, string[]>[];
};

export function emptyMeasureTotals(table: TMeasuredTable): TMeasureTotals {
  const { columns, dimensions } = DIFF_MEASURES[table];
  return { total: columns.map(() => '0'), groups: dimensions.map(() => new Map()) };
}

/** Which dimension a GROUPING() value stands for: the one bit that is 0 (null: the grand total). */
export function dimensionOfGrouping(grouping: number, dimensionCount: number): number | null {
  for (let i = 0; i < dimensionCount; i += 1) {
    const bit = 1 << (dimensionCount - 1 - i);
    if ((grouping & bit) === 0) return i;
  }
  return null;
}

async function readMeasureTotals(
  client: TSqlClient,
  table: TMeasuredTable,
  inputSetId: number,
): Promise<TMeasureTotals> {
  const { columns, dimensions } = DIFF_MEASURES[table];
  const totals = emptyMeasureTotals(table);
  const stream = client.query(copyTo(measureTotalsCopySql(table, inputSetId)));
  const decoder = new TextDecoder();
  let rest = '';
  const handleLine = (line: string) => {
    const fields = line.split('\t');
    const dimension = dimensionOfGrouping(Number(fields[0]), dimensions.length);
    const sums = columns.map((_, j) => parseCopyTextValue(fields[1 + dimensions.length + j] ?? '\\N') ?? '0');
    if (dimension === null) totals.total = sums;
    else totals.groups[dimension]!.set(parseCopyTextValue(fields[1 + dimension] ?? '') ?? '', sums);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) handleLine(line);
  }
  rest += decoder.decode();
  if (rest.length > 0) handleLine(rest);
  return totals;
}

export type TMeasureTotalsRead = {
  result: Promise<Partial<Record<TMeasuredTable, TMeasureTotals>>>;
  /** Gives the connection back; with an error (the diff failed), closes it, which ends a running query. */
  release: (failure?: Error) => void;
};

/**
 * The older revision's totals, read on a second connection that shares the diff's
 * snapshot (pg_export_snapshot), while the cell diff streams on the first: the
 * aggregation uses a core the join leaves idle, so the summary adds little wall time
 * (bench: diff_summary). The newer revision's totals are these plus the changes.
 */
export async function startMeasureTotals(
  pool: pg.Pool,
  diffClient: TSqlClient,
  { inputSetId, tables }: { inputSetId: number; tables: readonly TMeasuredTable[] },
): Promise<TMeasureTotalsRead> {
  const { rows } = await diffClient.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
  const snapshot = rows[0]!.snapshot;
  const side = await pool.connect();
  let isReleased = false;
  const result = (async () => {
    await side.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await side.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/[^0-9A-Fa-f-]/g, '')}'`);
    await useBulkTimeouts(side, pool);
    await side.query("SET LOCAL work_mem = '64MB'");
    const totals: Partial<Record<TMeasuredTable, TMeasureTotals>> = {};
    for (const table of tables) totals[table] = await readMeasureTotals(side, table, inputSetId);
    await side.query('COMMIT');
    return totals;
  })();
  result.catch(() => {});
  return {
    result,
    release: (failure) => {
      if (isReleased) return;
      isReleased = true;
      side.release(failure);
    },
  };
}
