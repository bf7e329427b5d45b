import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DIFF_MEASURES,
  MEASURED_TABLES,
  dimensionsOf,
  measureColumnsOf,
  type TColumnTolerance,
  type TDiffDimension,
  type TDiffTolerance,
  type TMeasuredTable,
} from '@planning-hub/contracts/api/diff';
import type { TDiffMeasureTotals, TDiffMover } from '@planning-hub/contracts/api/diff-summary';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { rowsDirOf, type TDiffCachePaths, type TDiffManifest } from './diff-cache';
import { hasRows, loadDiffIndex, loadKeyDictionary, readRowsAt } from './diff-index-store';
import { createMemo } from './diff-memo';
import { SCALE_INEXACT, SCALE_NONE } from './diff-row-index';
import { exactOfEntry, toleranceTest } from './diff-tolerance-apply';
import {
  EXACT_ZERO,
  addExact,
  formatExact,
  parseExact,
  percentExact,
  subtractExact,
  type TExact,
} from './exact-decimal';

const MB = 1024 * 1024;

/** Changes below the tolerance of one column: how many, their sum, and both per group (per dimension). */
type THidden = { count: number; sum: TExact; byDimension: Map<string, { count: number; sum: TExact }>[] };

type TGroupFile = { keys: string[]; cells: string[][] };

const hiddenMemo = createMemo<THidden>({
  maxBytes: 64 * MB,
  sizeOf: (h) => 64 + h.byDimension.reduce((n, m) => n + m.size * 96, 0),
});
const groupFiles = createMemo<TGroupFile>({ maxBytes: 128 * MB, sizeOf: (g) => g.keys.length * 160 });
const countsMemo = createMemo<Map<string, TGroupCounts>>({ maxBytes: 64 * MB, sizeOf: (m) => m.size * 96 });

type TGroupCounts = { added: number; removed: number; changed: number };

const noHidden = (table: TMeasuredTable): THidden => ({
  count: 0,
  sum: EXACT_ZERO,
  byDimension: DIFF_MEASURES[table].dimensions.map(() => new Map()),
});

/**
 * The changed rows of `table` whose change of `column` is below the tolerance, read from
 * the changed rows' index (exact values from the row itself where the index has only a
 * float): a pass over a million index entries, no recompute.
 */
async function hiddenChanges(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  { table, column, tolerance }: { table: TMeasuredTable; column: string; tolerance: TColumnTolerance },
): Promise<THidden> {
  if (!hasRows(manifest, table, 'changed')) return noHidden(table);
  const key = `${manifest.rows.dir}\n${table}.${column}\n${JSON.stringify(tolerance)}`;
  return hiddenMemo.get(key, async () => {
    const index = await loadDiffIndex(paths, manifest, table, 'changed');
    const dictionary = await loadKeyDictionary(paths, manifest, table);
    const slot = index.layout.decimalColumns.indexOf(column);
    const decimal = index.decimals[slot]!;
    const isBelow = toleranceTest(tolerance);
    const hidden = noHidden(table);
    const keyPositions = DIFF_MEASURES[table].dimensions.map((dimension) =>
      TABLE_SPECS[table].key.indexOf(dimension),
    );
    const hide = (row: number, delta: TExact) => {
      hidden.count += 1;
      hidden.sum = addExact(hidden.sum, delta);
      keyPositions.forEach((k, d) => {
        const value = dictionary.values[k]![index.keyIds[k]![row]!]!;
        const group = hidden.byDimension[d]!.get(value) ?? { count: 0, sum: EXACT_ZERO };
        hidden.byDimension[d]!.set(value, { count: group.count + 1, sum: addExact(group.sum, delta) });
      });
    };
    const inexact: number[] = [];
    for (let row = 0; row < index.count; row += 1) {
      const deltaScale = decimal.deltaScale[row]!;
      if (deltaScale === SCALE_NONE) continue;
      if (deltaScale === SCALE_INEXACT || decimal.oldScale[row] === SCALE_INEXACT) {
        inexact.push(row);
        continue;
      }
      const delta = exactOfEntry(decimal.delta[row]!, deltaScale)!;
      if (isBelow(delta, exactOfEntry(decimal.old[row]!, decimal.oldScale[row]!))) hide(row, delta);
    }
    const rows = await readRowsAt(paths, manifest, { table, kind: 'changed', index, rows: inexact });
    for (const row of inexact) {
      const change = (
        rows.get(row) as { changes: { column: string; old: string | null; delta?: string | null }[] }
      ).changes.find((c) => c.column === column);
      if (!change?.delta) continue;
      const delta = parseExact(change.delta);
      if (isBelow(delta, change.old === null ? null : parseExact(change.old))) hide(row, delta);
    }
    return hidden;
  });
}

/** Per group of one dimension: its added and removed keys, and its keys whose `column` changed. */
async function groupCounts(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  { table, column, by }: { table: TMeasuredTable; column: string; by: TDiffDimension },
): Promise<Map<string, TGroupCounts>> {
  return countsMemo.get(`${manifest.rows.dir}\n${table}.${column}\n${by}`, async () => {
    const counts = new Map<string, TGroupCounts>();
    const k = TABLE_SPECS[table].key.indexOf(by);
    for (const kind of ['added', 'removed', 'changed'] as const) {
      if (!hasRows(manifest, table, kind)) continue;
      const index = await loadDiffIndex(paths, manifest, table, kind);
      const values = (await loadKeyDictionary(paths, manifest, table)).values[k]!;
      const bit = 1 << index.layout.valueColumns.indexOf(column);
      for (let row = 0; row < index.count; row += 1) {
        if (kind === 'changed' && (index.masks[row]! & bit) === 0) continue;
        const value = values[index.keyIds[k]![row]!]!;
        const entry = counts.get(value) ?? { added: 0, removed: 0, changed: 0 };
        entry[kind] += 1;
        counts.set(value, entry);
      }
    }
    return counts;
  });
}

function loadGroups(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  file: string | null,
): Promise<TGroupFile> {
  if (file === null) return Promise.resolve({ keys: [], cells: [] });
  const full = path.join(rowsDirOf(paths, manifest), file);
  return groupFiles.get(full, async () => {
    const keys: string[] = [];
    const cells: string[][] = [];
    for (const line of (await readFile(full, 'utf8')).split('\n')) {
      if (!line) continue;
      const [key, ...rest] = JSON.parse(line) as string[];
      keys.push(key!);
      cells.push(rest);
    }
    return { keys, cells };
  });
}

const toleranceOf = (tolerance: TDiffTolerance, table: TMeasuredTable, column: string) =>
  tolerance[table]?.[column] ?? null;

/** The totals of every measured column, with the changes below their tolerance counted as unchanged. */
export async function readMeasureTotals(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  tolerance: TDiffTolerance,
): Promise<TDiffMeasureTotals[]> {
  const totals: TDiffMeasureTotals[] = [];
  for (const table of MEASURED_TABLES) {
    const moved = manifest.moved?.tables.find((entry) => entry.table === table);
    const counts = manifest.summary.find((entry) => entry.table === table);
    for (const column of DIFF_MEASURES[table].columns) {
      const base = moved?.columns.find((entry) => entry.column === column);
      const applied = toleranceOf(tolerance, table, column);
      const hidden = applied
        ? await hiddenChanges(paths, manifest, { table, column, tolerance: applied })
        : noHidden(table);
      const before = parseExact(base?.before ?? '0');
      const delta = subtractExact(parseExact(base?.delta ?? '0'), hidden.sum);
      totals.push({
        table,
        column,
        before: formatExact(before),
        after: formatExact(addExact(before, delta)),
        delta: formatExact(delta),
        percent: percentExact(delta, before),
        added: counts?.added ?? 0,
        removed: counts?.removed ?? 0,
        changed: (counts?.changedColumns[column] ?? 0) - hidden.count,
        hidden: hidden.count,
        hiddenDelta: formatExact(hidden.sum),
        tolerance: applied,
      });
    }
  }
  return totals;
}

/** One page of one table's totals by one key column: the top movers (largest |Δ| first) or in key order. */
export async function readMovers(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  query: {
    table: TMeasuredTable;
    column: string;
    by: TDiffDimension;
    sort: 'abs_delta' | 'key';
    offset: number;
    limit: number;
  },
  tolerance: TDiffTolerance,
): Promise<{ total: number; groups: TDiffMover[] }> {
  const { table, column, by } = query;
  const j = measureColumnsOf(table).indexOf(column);
  const d = dimensionsOf(table).indexOf(by);
  const dimension = manifest.moved?.tables
    .find((entry) => entry.table === table)
    ?.dimensions.find((entry) => entry.by === by);
  const groups = await loadGroups(paths, manifest, dimension?.file ?? null);
  const applied = toleranceOf(tolerance, table, column);
  const hidden = applied
    ? (await hiddenChanges(paths, manifest, { table, column, tolerance: applied })).byDimension[d]!
    : new Map();
  const counts = await groupCounts(paths, manifest, { table, column, by });
  const deltaOf = (i: number) => {
    const stored = parseExact(groups.cells[i]![3 * j + 2]!);
    const away = hidden.get(groups.keys[i]!);
    return away ? subtractExact(stored, away.sum) : stored;
  };
  let order = groups.keys.map((_, i) => i);
  if (query.sort === 'abs_delta') {
    const size = order.map((i) => Math.abs(Number.parseFloat(formatExact(deltaOf(i)))));
    order = order.sort((a, b) => size[b]! - size[a]! || a - b);
  }
  const page = order.slice(query.offset, query.offset + query.limit).map((i): TDiffMover => {
    const key = groups.keys[i]!;
    const before = parseExact(groups.cells[i]![3 * j]!);
    const delta = deltaOf(i);
    const count = counts.get(key) ?? { added: 0, removed: 0, changed: 0 };
    const hiddenHere = hidden.get(key)?.count ?? 0;
    return {
      key,
      before: formatExact(before),
      after: formatExact(addExact(before, delta)),
      delta: formatExact(delta),
      percent: percentExact(delta, before),
      added: count.added,
      removed: count.removed,
      changed: count.changed - hiddenHere,
      hidden: hiddenHere,
    };
  });
  return { total: groups.keys.length, groups: page };
}
