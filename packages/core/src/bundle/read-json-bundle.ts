import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import type { TByteSource } from '../bytes/byte-source';
import { quote } from '../validation/problem-list';
import { PROCESSING_ORDER } from '../validation/rules/rules-by-table';
import type { TBundleRun } from './bundle-run';
import { isPlainObject } from './json-cells';
import { detectSourceEncoding } from './read-encoded-source';
import { readJsonFile } from './read-json-file';
import { createRowBatcher } from './row-batcher';
import { validateJsonTable } from './validate-json-table';
import { validateParamsObject } from './validate-params-object';

/** input_set.json is parsed in memory; bigger bundles go as CSV files. */
export const MAX_JSON_BUNDLE_BYTES = 256 * 2 ** 20;

const TOP_LEVEL_KEYS = new Set(['tables', 'params']);

/** A whole bundle in one file: `{"tables": {"demand": [{...}, ...], ...}, "params": {...}}`. */
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
  const parsed = await readJsonFile({
    source,
    encoding,
    table: null,
    maxBytes: MAX_JSON_BUNDLE_BYTES,
    problems,
  });
  if (!parsed) return;
  const bundle = parsed.value;
  const base = { file, row: null, column: null, value: null } as const;
  if (!isPlainObject(bundle) || !isPlainObject(bundle['tables'])) {
    problems.add({
      ...base,
      code: 'unparsable_row',
      table: null,
      message: `${file} must be an object {"tables": {"demand": [...], ...}, "params": {...}}.`,
    });
    return;
  }
  for (const key of Object.keys(bundle)) {
    if (!TOP_LEVEL_KEYS.has(key)) {
      problems.add({
        ...base,
        code: 'unknown_file',
        table: null,
        message: `${file} has an unknown entry ${quote(key)}; it is ignored.`,
      });
    }
  }
  const tables = bundle['tables'];
  for (const key of Object.keys(tables)) {
    if (!(PROCESSING_ORDER as readonly string[]).includes(key) || key === 'params') {
      problems.add({
        ...base,
        code: 'unknown_file',
        table: null,
        message: `tables.${key} in ${file} is not a bundle table; it is ignored${key === 'params' ? ' (params go at the top level)' : ''}.`,
      });
    }
  }
  for (const table of PROCESSING_ORDER) {
    const batcher = createRowBatcher(table, run.sink, run.rowCounts);
    const rows = table === 'params' ? bundle['params'] : tables[table];
    if (rows === undefined) {
      if (TABLE_SPECS[table].required) {
        const where = table === 'params' ? '"params"' : `"tables.${table}"`;
        problems.add({
          ...base,
          code: 'missing_file',
          table,
          message: `${file} has no ${where}; every bundle needs the ${table} table.`,
        });
      }
      continue;
    }
    if (table === 'params') validateParamsObject({ params: rows, file, context, problems, batcher });
    else await validateJsonTable({ spec: TABLE_SPECS[table], rows, file, context, problems, batcher });
    await batcher.flushAll();
  }
}
