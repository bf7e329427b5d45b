import type { TDiffKind, TDiffRowsQuery } from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import type { TDiffCachePaths, TDiffManifest } from './diff-cache';
import { hasRows, loadDiffIndex, loadKeyDictionary, readRowsAt } from './diff-index-store';
import { createMemo } from './diff-memo';
import { absDeltaOf, type TKeyDictionary, type TRowIndex } from './diff-row-index';

/** What a list of diff rows is filtered and ordered by (GET .../diff/rows and .../diff/changes). */
export type TRowFilters = {
  key?: string | undefined;
  keyColumn?: string | undefined;
  match: 'prefix' | 'exact';
  column?: string | undefined;
  minDelta?: string | undefined;
  sort: 'key' | 'abs_delta';
};

export type TRowSource = { table: TTableName; kind: TDiffKind };

/** Per key column, which dictionary ids match the key filter (null: the column is not searched). */
export function keyMatches(dictionary: TKeyDictionary, filters: TRowFilters): (Uint8Array | null)[] {
  const needle = filters.key;
  return dictionary.columns.map((column, k) => {
    if (needle === undefined) return null;
    if (filters.keyColumn !== undefined && filters.keyColumn !== column) return null;
    const values = dictionary.values[k] ?? [];
    const flags = new Uint8Array(values.length);
    const lowered = needle.toLowerCase();
    values.forEach((value, id) => {
      const isMatch = filters.match === 'exact' ? value === needle : value.toLowerCase().startsWith(lowered);
      if (isMatch) flags[id] = 1;
    });
    return flags;
  });
}

/**
 * The rows of one row file that pass the filters, in file (natural key) order. A key
 * filter needs one key column to match; `column` keeps changed rows that change it (and
 * every added or removed row of a table that has it); `minDelta` compares |Δ| of that
 * column if it is a number, else the largest numeric change of the row.
 */
export function matchingRows(
  index: TRowIndex,
  dictionary: TKeyDictionary,
  filters: TRowFilters,
  kind: TDiffKind,
): Uint32Array {
  const { layout } = index;
  const columnBit = filters.column === undefined ? -1 : layout.valueColumns.indexOf(filters.column);
  if (filters.column !== undefined && columnBit < 0) return new Uint32Array(0);
  const searched = keyMatches(dictionary, filters);
  if (filters.key !== undefined && searched.every((flags) => flags === null)) return new Uint32Array(0);
  const slot = filters.column === undefined ? -1 : layout.decimalColumns.indexOf(filters.column);
  const threshold = filters.minDelta === undefined ? null : Number.parseFloat(filters.minDelta);
  const matched = new Uint32Array(index.count);
  let found = 0;
  for (let row = 0; row < index.count; row += 1) {
    if (filters.key !== undefined) {
      let hit = false;
      for (let k = 0; k < searched.length && !hit; k += 1) {
        const flags = searched[k];
        if (flags && flags[index.keyIds[k]![row]!] === 1) hit = true;
      }
      if (!hit) continue;
    }
    if (columnBit >= 0 && kind === 'changed' && (index.masks[row]! & (1 << columnBit)) === 0) continue;
    if (threshold !== null && !(absDeltaOf(index, row, slot >= 0 ? slot : null) >= threshold)) continue;
    matched[found++] = row;
  }
  return matched.slice(0, found);
}

/** A selection: per listed row, which source (index in `sources`) and which row of its file. */
type TSelected = { sources: TRowSource[]; source: Uint32Array; row: Uint32Array };

const selections = createMemo<TSelected>({ maxBytes: 128 * 1024 * 1024, sizeOf: (s) => s.row.length * 8 });

/** The matching rows of each source, concatenated in source order, or ordered by |Δ|, largest first (ties in that order). */
export function orderSelection(
  parts: readonly { rows: Uint32Array; absDelta: (row: number) => number }[],
  sort: TRowFilters['sort'],
): { source: Uint32Array; row: Uint32Array } {
  const total = parts.reduce((n, part) => n + part.rows.length, 0);
  const source = new Uint32Array(total);
  const row = new Uint32Array(total);
  let at = 0;
  parts.forEach((part, p) => {
    source.fill(p, at, at + part.rows.length);
    row.set(part.rows, at);
    at += part.rows.length;
  });
  if (sort === 'key' || total === 0) return { source, row };
  const delta = new Float64Array(total);
  for (let i = 0; i < total; i += 1) delta[i] = parts[source[i]!]!.absDelta(row[i]!);
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i += 1) order[i] = i;
  order.sort((a, b) => delta[b]! - delta[a]! || a - b);
  return { source: order.map((i) => source[i]!), row: order.map((i) => row[i]!) };
}

async function select(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  sources: readonly TRowSource[],
  filters: TRowFilters,
): Promise<TSelected & { indexes: TRowIndex[] }> {
  const present = sources.filter((s) => hasRows(manifest, s.table, s.kind));
  const indexes = await Promise.all(present.map((s) => loadDiffIndex(paths, manifest, s.table, s.kind)));
  const key = `${paths.manifestFile}\n${manifest.rows.dir}\n${JSON.stringify(present)}\n${JSON.stringify(filters)}`;
  const selected = await selections.get(key, async () => {
    const parts = await Promise.all(
      present.map(async (s, p) => {
        const index = indexes[p]!;
        const dictionary = await loadKeyDictionary(paths, manifest, s.table);
        const slot = filters.column === undefined ? -1 : index.layout.decimalColumns.indexOf(filters.column);
        return {
          rows: matchingRows(index, dictionary, filters, s.kind),
          absDelta: (row: number) => absDeltaOf(index, row, slot >= 0 ? slot : null),
        };
      }),
    );
    return { sources: present, ...orderSelection(parts, filters.sort) };
  });
  return { ...selected, indexes };
}

/**
 * One page of the rows of `sources` (one row file, or all of them for "All changes")
 * that pass the filters, in the asked order: the indexes pick the rows, the page reads
 * only those rows from the NDJSON files.
 */
export async function selectDiffRows(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  {
    sources,
    filters,
    offset,
    limit,
  }: { sources: readonly TRowSource[]; filters: TRowFilters; offset: number; limit: number },
): Promise<{ total: number; rows: (TRowSource & { row: unknown })[] }> {
  const selected = await select(paths, manifest, sources, filters);
  const end = Math.min(selected.row.length, offset + limit);
  const wanted = new Map<number, number[]>();
  for (let i = offset; i < end; i += 1) {
    const p = selected.source[i]!;
    wanted.set(p, [...(wanted.get(p) ?? []), selected.row[i]!]);
  }
  const read = new Map<number, Map<number, unknown>>();
  for (const [p, rows] of wanted) {
    const { table, kind } = selected.sources[p]!;
    read.set(p, await readRowsAt(paths, manifest, { table, kind, index: selected.indexes[p]!, rows }));
  }
  const rows: (TRowSource & { row: unknown })[] = [];
  for (let i = offset; i < end; i += 1) {
    const p = selected.source[i]!;
    rows.push({ ...selected.sources[p]!, row: read.get(p)!.get(selected.row[i]!) });
  }
  return { total: selected.row.length, rows };
}

export const hasRowFilters = (filters: TRowFilters): boolean =>
  filters.key !== undefined ||
  filters.column !== undefined ||
  filters.minDelta !== undefined ||
  filters.sort !== 'key';

/** The filters of GET .../diff/rows and .../diff/changes as query parameters spell them. */
export function rowFiltersOf(
  query: Pick<TDiffRowsQuery, 'key' | 'key_column' | 'match' | 'column' | 'min_delta' | 'sort'>,
): TRowFilters {
  return {
    key: query.key,
    keyColumn: query.key_column,
    match: query.match,
    column: query.column,
    minDelta: query.min_delta,
    sort: query.sort,
  };
}
