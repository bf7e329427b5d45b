import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import type { TByteSource } from '../bytes/byte-source';
import { problemMessage } from '../validation/problem-list';
import { PROCESSING_ORDER } from '../validation/rules/rules-by-table';
import { MAX_PARAMS_BYTES } from './bundle-limits';
import { paramsTooLarge } from './params-problems';
import type { TBundleRun } from './bundle-run';
import { PARAMS_JSON_FILE } from './classify-files';
import { readCsvTable } from './read-csv-table';
import { detectSourceEncoding } from './read-encoded-source';
import { readJsonFile } from './read-json-file';
import { createRowBatcher } from './row-batcher';
import { validateParamsObject } from './validate-params-object';

/** A bundle of files, one per table, read table by table in PROCESSING_ORDER. */
export async function readTableFiles(
  run: TBundleRun,
  tables: Partial<Record<TTableName, TByteSource>>,
  paramsFormat: 'json' | 'csv' | null,
): Promise<void> {
  for (const table of PROCESSING_ORDER) {
    const spec = TABLE_SPECS[table];
    const source = tables[table];
    if (!source) {
      if (spec.required) reportMissingFile(run, table);
      continue;
    }
    // Checked before reading: a 200 MiB params.csv held in memory would take the process down.
    if (table === 'params' && source.size > MAX_PARAMS_BYTES) {
      reportTooLarge(run, source);
      continue;
    }
    const encoding = await detectSourceEncoding({
      source,
      table,
      choice: run.choice,
      problems: run.problems,
      encodings: run.encodings,
    });
    if (encoding === null) continue;
    const batcher = createRowBatcher(table, run.sink, run.rowCounts);
    if (table === 'params' && paramsFormat === 'json') {
      const parsed = await readJsonFile({
        source,
        encoding,
        table,
        maxBytes: MAX_PARAMS_BYTES,
        problems: run.problems,
      });
      if (parsed) {
        validateParamsObject({
          params: parsed.value,
          file: source.name,
          context: run.context,
          problems: run.problems,
          batcher,
        });
      }
    } else {
      await readCsvTable({ source, encoding, spec, context: run.context, problems: run.problems, batcher });
    }
    await batcher.flushAll();
  }
}

function reportTooLarge(run: TBundleRun, source: TByteSource): void {
  run.problems.add(paramsTooLarge(source.name, 'problem.unparsable_row.params_too_large'));
}

function reportMissingFile(run: TBundleRun, table: TTableName): void {
  const file = TABLE_SPECS[table].file;
  run.problems.add({
    code: 'missing_file',
    table,
    file,
    row: null,
    column: null,
    value: null,
    detail:
      table === 'params'
        ? problemMessage('problem.missing_file.params', { jsonFile: PARAMS_JSON_FILE })
        : problemMessage('problem.missing_file', {}),
  });
}
