import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { TDiffKind } from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import {
  SCALE_INEXACT,
  SCALE_NONE,
  indexLayoutOf,
  keyDictionaryFileName,
  rowIndexFileName,
  type TIndexLayout,
  type TKeyDictionary,
} from './diff-row-index';
import { mantissaOf } from './exact-decimal';

/** One diff row as the index needs it: the decimals are texts as the row holds them. */
export type TIndexedRow = {
  offset: number;
  key: readonly (string | null)[];
  /** Bits of the value columns the row changes (layout.valueColumns order). */
  mask: number;
  /** Per decimal column (layout order): the change and the old value, null when absent. */
  decimals: readonly { delta: string | null; old: string | null }[];
};

const CHUNK_BYTES = 256 * 1024;

type TRecordFile = { stream: WriteStream; chunk: Buffer; used: number; failed: Promise<never> };

/**
 * Writes one table's row indexes (diff-row-index.ts) while its rows stream by, and its
 * key dictionary at the end. `add` answers the row's key ids, which the summary uses
 * as group ids; it returns a promise only when the caller must wait for the disk.
 */
export function createRowIndexWriter(dir: string, table: TTableName) {
  const layout: TIndexLayout = indexLayoutOf(table);
  const ids = layout.keyColumns.map(() => new Map<string, number>());
  const values: string[][] = layout.keyColumns.map(() => []);
  const files = new Map<TDiffKind, TRecordFile>();

  function fileOf(kind: TDiffKind): TRecordFile {
    let file = files.get(kind);
    if (!file) {
      const stream = createWriteStream(path.join(dir, rowIndexFileName(table, kind)));
      const failed = new Promise<never>((_, reject) => stream.once('error', reject));
      failed.catch(() => {});
      file = { stream, chunk: Buffer.alloc(CHUNK_BYTES), used: 0, failed };
      files.set(kind, file);
    }
    return file;
  }

  function idOf(column: number, value: string | null): number {
    if (value === null) return -1;
    const known = ids[column]!;
    let id = known.get(value);
    if (id === undefined) {
      id = values[column]!.length;
      known.set(value, id);
      values[column]!.push(value);
    }
    return id;
  }

  function writeDecimal(chunk: Buffer, at: number, scaleAt: number, text: string | null): void {
    if (text === null) {
      chunk.writeDoubleLE(Number.NaN, at);
      chunk.writeInt8(SCALE_NONE, scaleAt);
      return;
    }
    const exact = mantissaOf(text);
    chunk.writeDoubleLE(exact ? exact.mantissa : Number.parseFloat(text), at);
    chunk.writeInt8(exact ? exact.scale : SCALE_INEXACT, scaleAt);
  }

  function add(kind: TDiffKind, row: TIndexedRow): { keyIds: number[]; wait: Promise<void> | undefined } {
    const file = fileOf(kind);
    const at = file.used;
    const { chunk } = file;
    chunk.fill(0, at, at + layout.recordBytes);
    chunk.writeDoubleLE(row.offset, at);
    row.decimals.forEach((decimal, j) => {
      writeDecimal(chunk, at + 8 + 16 * j, at + layout.scalesAt + 2 * j, decimal.delta);
      writeDecimal(chunk, at + 16 + 16 * j, at + layout.scalesAt + 2 * j + 1, decimal.old);
    });
    const keyIds = row.key.map((value, k) => idOf(k, value));
    keyIds.forEach((id, k) => chunk.writeInt32LE(id, at + layout.keysAt + 4 * k));
    chunk.writeUInt32LE(row.mask >>> 0, at + layout.maskAt);
    file.used += layout.recordBytes;
    return { keyIds, wait: file.used + layout.recordBytes > CHUNK_BYTES ? flush(file) : undefined };
  }

  function flush(file: TRecordFile): Promise<void> | undefined {
    const bytes = Buffer.from(file.chunk.subarray(0, file.used));
    file.used = 0;
    if (bytes.length === 0 || file.stream.write(bytes)) return undefined;
    return Promise.race([once(file.stream, 'drain').then(() => undefined), file.failed]);
  }

  async function finish(): Promise<TKeyDictionary> {
    await Promise.all(
      [...files.values()].map(async (file) => {
        file.stream.end(Buffer.from(file.chunk.subarray(0, file.used)));
        await Promise.race([once(file.stream, 'close'), file.failed]);
      }),
    );
    const dictionary: TKeyDictionary = { columns: [...layout.keyColumns], values };
    await writeFile(path.join(dir, keyDictionaryFileName(table)), JSON.stringify(dictionary));
    return dictionary;
  }

  function abort(): void {
    for (const file of files.values()) file.stream.destroy();
  }

  return { layout, add, finish, abort };
}

export type TRowIndexWriter = ReturnType<typeof createRowIndexWriter>;
