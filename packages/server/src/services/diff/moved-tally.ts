import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { DIFF_MEASURES, type TDiffDimension, type TMeasuredTable } from '@planning-hub/contracts/api/diff';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import type { TKeyDictionary } from './diff-row-index';
import { EXACT_ZERO, addExact, formatExact, parseExact, type TExact } from './exact-decimal';
import type { TMeasureTotals } from './measure-totals';

/** One measured column of a table, over the whole revision, exact (no tolerance applied). */
export type TMovedColumn = { column: string; before: string; after: string; delta: string };
export type TMovedDimension = { by: TDiffDimension; file: string | null; count: number };
export type TMovedTable = { table: TMeasuredTable; columns: TMovedColumn[]; dimensions: TMovedDimension[] };

export const movedGroupsFileName = (table: TMeasuredTable, by: TDiffDimension) => `${table}.by.${by}.ndjson`;

/** Code point order, as PostgreSQL's C collation and the export sort keys. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type TTableSums = {
  /** [column][dimension]: key id -> sum of the changes of the rows with that key value. */
  groups: Map<number, TExact>[][];
  totals: TExact[];
};

/**
 * The changes of the measured columns, summed per item, location, period or resource
 * while the diff rows stream by (an added row counts +value, a removed one -value). With
 * the older revision's totals (measure-totals.ts), they give the newer one's: after =
 * before + changes, without a second scan of the newer revision.
 */
export function createMovedTally() {
  const sums = new Map<TMeasuredTable, TTableSums>();

  function sumsOf(table: TMeasuredTable): TTableSums {
    let entry = sums.get(table);
    if (!entry) {
      const { columns, dimensions } = DIFF_MEASURES[table];
      entry = {
        groups: columns.map(() => dimensions.map(() => new Map())),
        totals: columns.map(() => EXACT_ZERO),
      };
      sums.set(table, entry);
    }
    return entry;
  }

  /** One diff row: its key ids (key column order) and the change of each measured column (null: none). */
  function add(table: TMeasuredTable, keyIds: readonly number[], deltas: readonly (TExact | null)[]): void {
    const entry = sumsOf(table);
    const keyColumns = TABLE_SPECS[table].key;
    const { dimensions } = DIFF_MEASURES[table];
    deltas.forEach((delta, j) => {
      if (!delta || delta.units === 0n) return;
      entry.totals[j] = addExact(entry.totals[j]!, delta);
      dimensions.forEach((dimension, d) => {
        const id = keyIds[keyColumns.indexOf(dimension)]!;
        const groups = entry.groups[j]![d]!;
        groups.set(id, addExact(groups.get(id) ?? EXACT_ZERO, delta));
      });
    });
  }

  /** Writes `<table>.by.<dimension>.ndjson` (one `[key, before, after, delta, ...per column]` line per group, in key order). */
  async function write(
    dir: string,
    table: TMeasuredTable,
    before: TMeasureTotals,
    dictionary: TKeyDictionary | undefined,
  ): Promise<TMovedTable> {
    const entry = sumsOf(table);
    const { columns, dimensions } = DIFF_MEASURES[table];
    const movedColumns = columns.map((column, j) => {
      const total = parseExact(before.total[j] ?? '0');
      const after = addExact(total, entry.totals[j]!);
      return {
        column,
        before: formatExact(total),
        after: formatExact(after),
        delta: formatExact(entry.totals[j]!),
      };
    });
    const movedDimensions: TMovedDimension[] = [];
    for (const [d, by] of dimensions.entries()) {
      const values = dictionary?.values[TABLE_SPECS[table].key.indexOf(by)] ?? [];
      const changes = columns.map(
        (_, j) => new Map([...entry.groups[j]![d]!].map(([id, delta]) => [values[id]!, delta])),
      );
      const keys = [
        ...new Set([...before.groups[d]!.keys(), ...changes.flatMap((byKey) => [...byKey.keys()])]),
      ].sort(byCodePoint);
      const file = movedGroupsFileName(table, by);
      await writeLines(
        path.join(dir, file),
        keys.map((key) => {
          const beforeTexts = before.groups[d]!.get(key);
          const cells = columns.flatMap((_, j) => {
            const start = parseExact(beforeTexts?.[j] ?? '0');
            const delta = changes[j]!.get(key) ?? EXACT_ZERO;
            return [formatExact(start), formatExact(addExact(start, delta)), formatExact(delta)];
          });
          return JSON.stringify([key, ...cells]);
        }),
      );
      movedDimensions.push({ by, file, count: keys.length });
    }
    return { table, columns: movedColumns, dimensions: movedDimensions };
  }

  return { add, write };
}

export type TMovedTally = ReturnType<typeof createMovedTally>;

/** Two revisions with the same content: nothing moved (the identical-hash shortcut reads no rows). */
export function identicalMovedTable(table: TMeasuredTable): TMovedTable {
  const { columns, dimensions } = DIFF_MEASURES[table];
  return {
    table,
    columns: columns.map((column) => ({ column, before: '0', after: '0', delta: '0' })),
    dimensions: dimensions.map((by) => ({ by, file: null, count: 0 })),
  };
}

async function writeLines(file: string, lines: readonly string[]): Promise<void> {
  const stream = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  const CHUNK = 4096;
  for (let i = 0; i < lines.length; i += CHUNK) {
    const text = `${lines.slice(i, i + CHUNK).join('\n')}\n`;
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  }
  stream.end();
  await Promise.race([once(stream, 'close'), failed]);
}
