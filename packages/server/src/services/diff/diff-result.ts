import path from 'node:path';
import type { TDiffResult } from '@planning-hub/contracts/api/diff';
import { diffCacheName } from '@planning-hub/core/diff/diff-cache-name';
import type { TDiffManifest } from './diff-cache';

/** The cache file relative to the server's work folder: `rm <this>` and a reload recompute it (docs/runbook.ja.md section 6). */
export function diffCacheFileShown(ref: string, against: string): string {
  return path.posix.join('tmp', 'input_set_diffs', `${diffCacheName(ref, against)}.json`);
}

/** The API's view of a cached diff: the manifest without its row index and "What moved" (GET .../diff/summary), plus its cache file as the runbook names it. */
export function toDiffResult(manifest: TDiffManifest): TDiffResult {
  const { format: _format, rows: _rows, moved: _moved, ...result } = manifest;
  return { state: 'done', ...result, cacheFile: diffCacheFileShown(manifest.ref, manifest.against) };
}
