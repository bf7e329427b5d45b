import { DIFF_KINDS } from '@planning-hub/contracts/api/diff';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { readAllDiffRows, type TDiffCachePaths, type TDiffManifest } from './diff-cache';
import { toDiffResult } from './diff-result';

/**
 * The whole diff as one JSON document, in pieces: the result's fields, then
 * `rows: {table: {added: [...], removed: [...], changed: [...]}}` streamed from the
 * cache's row files one line at a time, so a million changed rows never sit in
 * memory. GET .../diff/export sends it; `planning export --diff-against --json` prints it.
 */
export async function* diffJsonChunks(
  manifest: TDiffManifest,
  paths: TDiffCachePaths,
): AsyncGenerator<string> {
  const opening = JSON.stringify(toDiffResult(manifest), null, 2);
  yield `${opening.slice(0, -2)},\n  "rows": {`;
  let isFirstTable = true;
  for (const table of TABLE_NAMES) {
    yield `${isFirstTable ? '' : ','}\n    "${table}": {`;
    isFirstTable = false;
    let isFirstKind = true;
    for (const kind of DIFF_KINDS) {
      yield `${isFirstKind ? '' : ','}\n      "${kind}": [`;
      isFirstKind = false;
      let isFirstRow = true;
      let batch = '';
      for await (const line of readAllDiffRows(paths, manifest, table, kind)) {
        batch += `${isFirstRow ? '' : ','}\n        ${line}`;
        isFirstRow = false;
        // One chunk per ~64 KiB rather than per row: a write per row costs several times more.
        if (batch.length >= 65_536) {
          yield batch;
          batch = '';
        }
      }
      yield `${batch}${isFirstRow ? ']' : '\n      ]'}`;
    }
    yield '\n    }';
  }
  yield '\n  }\n}\n';
}
