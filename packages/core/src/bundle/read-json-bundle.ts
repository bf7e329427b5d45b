import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import type { TByteSource } from '../bytes/byte-source';
import { readAsUtf8 } from '../encoding/read-as-utf8';
import type { TDetectedEncoding } from '../encoding/encodings';
import {
  createJsonScanner,
  JsonSyntaxError,
  type TJsonKind,
  type TJsonSyntaxDetail,
  type TJsonScanHandler,
} from '../json/json-scanner';
import { problemMessage, shorten, type TProblemInput } from '../validation/problem-list';
import { PROCESSING_ORDER } from '../validation/rules/rules-by-table';
import { MAX_PARAMS_BYTES } from './bundle-limits';
import { paramsTooLarge } from './params-problems';
import type { TBundleRun } from './bundle-run';
import { detectSourceEncoding } from './read-encoded-source';
import { createRowBatcher } from './row-batcher';
import { createJsonTableValidator, type TJsonTableValidator } from './validate-json-table';
import { validateParamsObject } from './validate-params-object';

/** One row of input_set.json is parsed at a time; a row larger than this is refused (CSV records stop at 1,000,000 characters). */
export const MAX_JSON_ROW_BYTES = 1_000_000;
/** Distinct keys gathered per table for its header; more are ignored (each would be one unknown column). */
const MAX_HEADER_KEYS = 1000;

const TOP_LEVEL_KEYS = new Set(['tables', 'params']);

type TRange = { start: number; end: number; kind: TJsonKind };
type TTableEntry = TRange & { rows: number; keys: Set<string> };

/** Where the parts of input_set.json are, from one scan of the whole file (nothing but their places is kept). */
type TJsonBundleIndex = {
  rootKind: TJsonKind | null;
  /** Top-level members, in file order; a key given twice keeps its last value, as JSON.parse does. */
  members: Map<string, TRange>;
  /** Members of the last "tables" object. */
  tables: Map<string, TTableEntry>;
  /** Keys given twice: `params`, `tables.demand`. */
  duplicates: string[];
};

/**
 * A whole bundle in one file: `{"tables": {"demand": [{...}, ...], ...}, "params": {...}}`.
 * Read as a stream, never parsed whole: one scan checks the syntax and finds where each
 * table's list is; then each table is read in PROCESSING_ORDER (its dependencies first,
 * wherever it stands in the file), one row at a time. Memory stays bounded by one chunk
 * and one row, whatever the file's size or shape.
 */
export async function readJsonBundle(run: TBundleRun, source: TByteSource): Promise<void> {
  const file = source.name;
  const { problems, context } = run;
  const encoding = await detectSourceEncoding({
    source,
    table: null,
    choice: run.choice,
    problems,
    encodings: run.encodings,
  });
  if (encoding === null) return;
  const base = { file, row: null, column: null, value: null } as const;
  const index = await indexJsonBundle(source, encoding, (line, detail) =>
    problems.add({ ...base, row: line, code: 'unparsable_row', table: null, detail }),
  );
  if (!index) return;
  if (index.rootKind !== 'object' || index.members.get('tables')?.kind !== 'object') {
    problems.add({
      ...base,
      code: 'unparsable_row',
      table: null,
      detail: problemMessage('problem.unparsable_row.json_bundle_shape', {}),
    });
    return;
  }
  for (const key of index.members.keys()) {
    if (!TOP_LEVEL_KEYS.has(key)) {
      problems.add({
        ...base,
        code: 'unknown_file',
        table: null,
        detail: problemMessage('problem.unknown_file.json_entry', { entry: shorten(key) }),
      });
    }
  }
  for (const key of index.tables.keys()) {
    if (!(PROCESSING_ORDER as readonly string[]).includes(key) || key === 'params') {
      problems.add({
        ...base,
        code: 'unknown_file',
        table: null,
        detail:
          key === 'params'
            ? problemMessage('problem.unknown_file.json_table_params', {})
            : problemMessage('problem.unknown_file.json_table', { entry: key }),
      });
    }
  }
  for (const key of index.duplicates) {
    problems.add({
      ...base,
      code: 'unparsable_row',
      table: null,
      detail: problemMessage('problem.unparsable_row.json_twice', { entry: shorten(key) }),
    });
  }

  for (const table of PROCESSING_ORDER) {
    const batcher = createRowBatcher(table, run.sink, run.rowCounts);
    const range = table === 'params' ? index.members.get('params') : index.tables.get(table);
    if (range === undefined) {
      if (TABLE_SPECS[table].required) {
        const where = table === 'params' ? '"params"' : `"tables.${table}"`;
        problems.add({
          ...base,
          code: 'missing_file',
          table,
          detail: problemMessage('problem.missing_file.json', { where }),
        });
      }
      continue;
    }
    if (table === 'params') {
      await readParams({ run, source, encoding, range, report: problems.add, batcher });
    } else if (range.kind !== 'array') {
      problems.add({
        ...base,
        code: 'unparsable_row',
        table,
        detail: problemMessage('problem.unparsable_row.json_table_not_list', {}),
      });
    } else {
      const entry = range as TTableEntry;
      const validator = createJsonTableValidator({
        spec: TABLE_SPECS[table],
        keys: entry.keys,
        rowCount: entry.rows,
        file,
        context,
        problems,
        batcher,
      });
      await readRows(source, encoding, entry, validator, () => batcher.flushFull());
      validator.finish();
    }
    await batcher.flushAll();
  }
}

/** The scan of the whole file; null (after `onSyntaxError`) when it is not JSON. */
async function indexJsonBundle(
  source: TByteSource,
  encoding: TDetectedEncoding,
  onSyntaxError: (line: number, detail: TJsonSyntaxDetail) => void,
): Promise<TJsonBundleIndex | null> {
  const index: TJsonBundleIndex = { rootKind: null, members: new Map(), tables: new Map(), duplicates: [] };
  let memberKey = '';
  let isInTables = false;
  let tableKey = '';
  let table: TTableEntry | undefined;
  const handler: TJsonScanHandler = {
    onKey(depth, key) {
      if (depth === 0) memberKey = key;
      else if (depth === 1 && isInTables) tableKey = key;
      else if (depth === 3 && table && table.keys.size < MAX_HEADER_KEYS) table.keys.add(key);
    },
    onValueStart(depth, kind, offset) {
      if (depth === 0) index.rootKind = kind;
      else if (depth === 1 && index.rootKind === 'object') {
        if (index.members.has(memberKey)) index.duplicates.push(memberKey);
        index.members.delete(memberKey);
        index.members.set(memberKey, { start: offset, end: offset, kind });
        isInTables = memberKey === 'tables' && kind === 'object';
        // A second "tables" replaces the first, as with JSON.parse.
        if (isInTables) index.tables.clear();
      } else if (depth === 2 && isInTables) {
        if (index.tables.has(tableKey)) index.duplicates.push(`tables.${tableKey}`);
        index.tables.delete(tableKey);
        table = { start: offset, end: offset, kind, rows: 0, keys: new Set() };
        index.tables.set(tableKey, table);
      } else if (depth === 3 && table?.kind === 'array') table.rows += 1;
    },
    onValueEnd(depth, offset) {
      if (depth === 1 && index.rootKind === 'object') {
        index.members.get(memberKey)!.end = offset;
        isInTables = false;
      } else if (depth === 2 && isInTables && table) {
        table.end = offset;
        table = undefined;
      }
    },
  };
  // Keys of depth 3 are those of row objects only while a table's list is open (table set).
  const scanner = createJsonScanner(handler, {
    maxEventDepth: 3,
    wantsKeys: (depth) => depth <= 1 || (depth === 3 && table?.kind === 'array'),
  });
  try {
    for await (const chunk of readAsUtf8(source, encoding)) scanner.push(chunk);
    scanner.end();
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    onSyntaxError(error.line, error.detail);
    return null;
  }
  return index;
}

/** Feeds the bytes `range` covers (offsets in the file's UTF-8 text) to `take`, chunk by chunk. */
async function readRange(
  source: TByteSource,
  encoding: TDetectedEncoding,
  range: { start: number; end: number },
  take: (bytes: Buffer) => void | Promise<void>,
): Promise<void> {
  let offset = 0;
  for await (const chunk of readAsUtf8(source, encoding)) {
    const from = Math.max(range.start - offset, 0);
    const to = Math.min(range.end - offset, chunk.length);
    offset += chunk.length;
    if (to > from) await take(chunk.subarray(from, to));
    if (offset >= range.end) return;
  }
}

/** The params object: settings, parsed whole when no larger than MAX_PARAMS_BYTES. */
async function readParams(options: {
  run: TBundleRun;
  source: TByteSource;
  encoding: TDetectedEncoding;
  range: TRange;
  report: (problem: TProblemInput) => void;
  batcher: ReturnType<typeof createRowBatcher>;
}): Promise<void> {
  const { run, source, range } = options;
  if (range.end - range.start > MAX_PARAMS_BYTES) {
    options.report(paramsTooLarge(source.name, 'problem.unparsable_row.json_params_too_large'));
    return;
  }
  const parts: Buffer[] = [];
  await readRange(source, options.encoding, range, (bytes) => void parts.push(Buffer.from(bytes)));
  validateParamsObject({
    params: JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown,
    file: source.name,
    context: run.context,
    problems: run.problems,
    batcher: options.batcher,
  });
}

/**
 * The elements of one table's list, each parsed on its own and handed to the validator as
 * the scan passes its end; after each chunk, full batches go to the sink (`afterChunk`).
 */
async function readRows(
  source: TByteSource,
  encoding: TDetectedEncoding,
  range: TRange,
  validator: TJsonTableValidator,
  afterChunk: () => Promise<void>,
): Promise<void> {
  let chunk: Buffer = Buffer.alloc(0);
  let chunkStart = 0;
  let rowIndex = -1;
  /** Where the open row starts, or -1 between rows. */
  let rowStart = -1;
  /** The open row's bytes from earlier chunks (a row seldom spans two). */
  let parts: Buffer[] = [];
  let spilledBytes = 0;

  const handleRow = (index: number, text: string | null) => {
    if (text === null) {
      validator.refuse(
        index,
        problemMessage('problem.unparsable_row.json_row_too_large', {
          element: index + 1,
          maxBytes: MAX_JSON_ROW_BYTES,
        }),
      );
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // The scan found the row well-formed: what JSON.parse still refuses, it explains in its own (English) words.
      const detail = error instanceof Error ? error.message : String(error);
      validator.refuse(
        index,
        problemMessage('problem.unparsable_row.json_row_invalid', { element: index + 1, detail }),
      );
      return;
    }
    validator.add(value, index);
  };
  const scanner = createJsonScanner(
    {
      onValueStart(depth, _kind, offset) {
        if (depth !== 1) return;
        rowIndex += 1;
        rowStart = offset;
      },
      onValueEnd(depth, offset) {
        if (depth !== 1) return;
        const from = Math.max(rowStart, chunkStart) - chunkStart;
        const size = spilledBytes + offset - chunkStart - from;
        if (size > MAX_JSON_ROW_BYTES) handleRow(rowIndex, null);
        else if (parts.length === 0) handleRow(rowIndex, chunk.toString('utf8', from, offset - chunkStart));
        else
          handleRow(
            rowIndex,
            Buffer.concat([...parts, chunk.subarray(from, offset - chunkStart)]).toString('utf8'),
          );
        rowStart = -1;
        parts = [];
        spilledBytes = 0;
      },
    },
    { maxEventDepth: 1 },
  );
  await readRange(source, encoding, range, async (bytes) => {
    chunk = bytes;
    scanner.push(chunk);
    if (rowStart !== -1) {
      // The open row goes on in the next chunk: keep its bytes of this one (up to the limit).
      const from = Math.max(rowStart, chunkStart) - chunkStart;
      spilledBytes += chunk.length - from;
      if (spilledBytes <= MAX_JSON_ROW_BYTES) parts.push(Buffer.from(chunk.subarray(from)));
    }
    chunkStart += chunk.length;
    await afterChunk();
  });
  scanner.end();
}
