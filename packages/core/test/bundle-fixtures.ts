import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TRow, TTableName } from '@planning-hub/contracts/tables';
import { processBundle, type TProcessBundleResult } from '../src/bundle/process-bundle';
import { rowOfValues } from '../src/bundle/row-batcher';
import { createMemoryByteSource, type TByteSource } from '../src/bytes/byte-source';
import type { TEncodingChoice } from '../src/encoding/encodings';

export const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../../examples');

export type TCollectedBundle = TProcessBundleResult & {
  tables: Partial<Record<TTableName, TRow[]>>;
  batchSizes: number[];
};

/** Byte sources from file name -> text (written as UTF-8) or bytes, read in small chunks to exercise streaming. */
export function sourcesOf(files: Record<string, string | Uint8Array>, chunkSize = 7): TByteSource[] {
  return Object.entries(files).map(([name, content]) => createMemoryByteSource(name, content, chunkSize));
}

export function readExampleBundle(folder: string): TByteSource[] {
  const dir = path.join(EXAMPLES_DIR, folder);
  return readdirSync(dir).map((name) => createMemoryByteSource(name, readFileSync(path.join(dir, name)), 64));
}

/** Runs processBundle with a sink that keeps every delivered row. */
export async function collectBundle(
  files: TByteSource[],
  encoding: TEncodingChoice = 'auto',
): Promise<TCollectedBundle> {
  const tables: Partial<Record<TTableName, TRow[]>> = {};
  const batchSizes: number[] = [];
  const result = await processBundle({
    files,
    encoding,
    sink: async (table, rows) => {
      batchSizes.push(rows.length);
      (tables[table] ??= []).push(...rows.map((values) => rowOfValues(table, values)));
    },
  });
  return { ...result, tables, batchSizes };
}

/** The fields of a problem a test pins down (the message is checked separately). */
export function locate(problem: TProcessBundleResult['problems'][number]) {
  const { severity, code, table, file, row, column, value } = problem;
  return { severity, code, table, file, row, column, value };
}
