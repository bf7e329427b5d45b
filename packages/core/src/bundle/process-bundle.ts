import type { TProblem, TProblemSummary } from '@planning-hub/contracts/problems';
import type { TTableName } from '@planning-hub/contracts/tables';
import type { TByteSource } from '../bytes/byte-source';
import type { TEncodingChoice } from '../encoding/encodings';
import { createBundleRun } from './bundle-run';
import { classifyFiles } from './classify-files';
import { readJsonBundle } from './read-json-bundle';
import { readTableFiles } from './read-table-files';

import type { TBundleSink } from './row-batcher';

export type { TByteSource } from '../bytes/byte-source';
/** Receives batches of ~2000 valid rows in canonical form; never a row with an error. */
export type { TBundleSink } from './row-batcher';

export type TProcessBundleResult = {
  problems: TProblem[];
  summary: TProblemSummary;
  /** Valid rows delivered to the sink, per table. */
  rowCounts: Record<TTableName, number>;
  /** File name -> 'utf-8' | 'utf-8-bom' | 'shift_jis', for every file read as text. */
  encodings: Record<string, string>;
  /** The valid params, parsed. */
  params: Record<string, unknown>;
};

export type TProcessBundleOptions = {
  files: TByteSource[];
  encoding?: TEncodingChoice;
  sink: TBundleSink;
};

/**
 * Reads, validates and canonicalises a bundle (docs/design.md sections 2 and 3): a
 * folder of files or one input_set.json. Streams: each file is read twice at
 * most (once to find its encoding over the whole file, once to parse it) and
 * only natural keys are kept in memory. Reports every problem at once; throws
 * only when the sink does.
 */
export async function processBundle(options: TProcessBundleOptions): Promise<TProcessBundleResult> {
  const run = createBundleRun(options.encoding ?? 'auto', options.sink);
  const files = classifyFiles(options.files, run.problems.add);
  if (files.kind === 'json') await readJsonBundle(run, files.source);
  else await readTableFiles(run, files.tables, files.paramsFormat);
  return {
    ...run.problems.finish(),
    rowCounts: run.rowCounts,
    encodings: run.encodings,
    params: run.context.params,
  };
}
