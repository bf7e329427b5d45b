import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { TDiffJobData } from './diff-queue';

/**
 * A diff whose job failed for good leaves this record where its cache file goes,
 * `tmp/input_set_diffs/<label>__<against>.json`. While it is there, the failure is
 * what every request sees (a polling page does not start the diff over and over);
 * the runbook's recovery, `rm` that file and reload the Diff tab, removes it and so
 * runs the diff again (section 6).
 */
export const DIFF_FAILURE_FORMAT = 'planning-hub/input-set-diff-failure@1';

export const ZDiffFailureRecord = z.object({
  format: z.literal(DIFF_FAILURE_FORMAT),
  state: z.literal('failed'),
  ref: z.string(),
  against: z.string(),
  refHash: z.string(),
  againstHash: z.string(),
  jobId: z.string(),
  attempts: z.number().int(),
  /** The last attempt's error, with paths relative to the work folder. */
  error: z.string(),
  failedAt: z.iso.datetime(),
  /** For the person who opens the file. */
  hint: z.string(),
});
export type TDiffFailureRecord = z.infer<typeof ZDiffFailureRecord>;

/** Whether the record is about exactly this pair and content (a new upload makes it obsolete). */
export function isFailureFor(record: TDiffFailureRecord, data: TDiffJobData): boolean {
  return (
    record.ref === data.ref &&
    record.against === data.against &&
    record.refHash === data.refHash &&
    record.againstHash === data.againstHash
  );
}

/** Writes the record atomically (temp file + rename), as the manifest is written. */
export async function writeDiffFailureRecord(
  paths: { cacheDir: string; manifestFile: string },
  record: Omit<TDiffFailureRecord, 'format' | 'state' | 'hint'>,
): Promise<void> {
  const full: TDiffFailureRecord = {
    format: DIFF_FAILURE_FORMAT,
    state: 'failed',
    ...record,
    hint: 'The diff failed; delete this file and reload the Diff tab (or ask GET .../diff again) to run it again.',
  };
  await mkdir(paths.cacheDir, { recursive: true });
  const temp = `${paths.manifestFile}.tmp-${randomUUID()}`;
  await writeFile(temp, `${JSON.stringify(full, null, 2)}\n`);
  await rename(temp, paths.manifestFile);
}
