import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TDiffKind } from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import { rowFileName, rowsDirOf, type TDiffCachePaths, type TDiffManifest } from './diff-cache';
import { createMemo } from './diff-memo';
import {
  keyDictionaryFileName,
  loadRowIndex,
  rowIndexFileName,
  type TKeyDictionary,
  type TRowIndex,
} from './diff-row-index';

const MB = 1024 * 1024;

// Loaded indexes are kept while memory allows: a reviewer filters and pages the same diff many times.
const indexes = createMemo<TRowIndex>({
  maxBytes: 256 * MB,
  sizeOf: (index) => index.count * (index.layout.recordBytes + 16),
});
const dictionaries = createMemo<TKeyDictionary>({
  maxBytes: 64 * MB,
  sizeOf: (dictionary) => dictionary.values.reduce((n, values) => n + values.length * 48, 0),
});

export function hasRows(manifest: TDiffManifest, table: TTableName, kind: TDiffKind): boolean {
  return (manifest.rows.files[table]?.[kind]?.count ?? 0) > 0;
}

/** The row index of one row file (diff-row-index.ts), loaded once per computation. */
export function loadDiffIndex(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  table: TTableName,
  kind: TDiffKind,
): Promise<TRowIndex> {
  const dir = rowsDirOf(paths, manifest);
  const file = path.join(dir, rowIndexFileName(table, kind));
  return indexes.get(file, async () => {
    const { size } = await stat(path.join(dir, rowFileName(table, kind)));
    return loadRowIndex(file, table, size);
  });
}

/** The distinct key values of one table's diff rows. */
export function loadKeyDictionary(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  table: TTableName,
): Promise<TKeyDictionary> {
  const file = path.join(rowsDirOf(paths, manifest), keyDictionaryFileName(table));
  return dictionaries.get(file, async () => JSON.parse(await readFile(file, 'utf8')) as TKeyDictionary);
}

/**
 * Rows picked by number from one row file, read by seeking to each (their byte offsets
 * are in the index); adjacent rows are read in one go.
 */
export async function readRowsAt(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  {
    table,
    kind,
    index,
    rows,
  }: { table: TTableName; kind: TDiffKind; index: TRowIndex; rows: readonly number[] },
): Promise<Map<number, unknown>> {
  const found = new Map<number, unknown>();
  if (rows.length === 0) return found;
  const handle = await open(path.join(rowsDirOf(paths, manifest), rowFileName(table, kind)), 'r');
  try {
    const sorted = [...rows].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
      const first = sorted[i]!;
      const last = sorted[j]!;
      const start = index.offsets[first]!;
      const end = last + 1 < index.count ? index.offsets[last + 1]! : index.fileBytes;
      const buffer = Buffer.alloc(end - start);
      await handle.read(buffer, 0, buffer.length, start);
      buffer
        .toString('utf8')
        .split('\n')
        .slice(0, last - first + 1)
        .forEach((line, k) => found.set(first + k, JSON.parse(line)));
      i = j + 1;
    }
  } finally {
    await handle.close();
  }
  return found;
}
