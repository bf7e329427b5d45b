import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ZChainHead, type TVerifyEventsQuery } from '@planning-hub/contracts/api/events';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';

const HASH = /^[0-9a-f]{64}$/;
/** events.json (the evidence folder, `events --json`) carries the head; a chain head alone works too. */
const ZRecordedHead = z.union([z.object({ head: ZChainHead }), ZChainHead.transform((head) => ({ head }))]);

/**
 * `--head <hash | file>`: the chain head recorded earlier, as a bare hash or read from an
 * events.json (`planning evidence`, `planning events --json`), whose id and count also let
 * the server count the events removed from the end.
 */
export async function readRecordedHead(
  value: string,
): Promise<Pick<TVerifyEventsQuery, 'head' | 'headId' | 'headCount'>> {
  if (HASH.test(value)) return { head: value };
  let text: string;
  try {
    text = await readFile(value, 'utf8');
  } catch (error) {
    throw new CliError(cliText('cli.error.head_unreadable', { detail: (error as Error).message }));
  }
  let parsed: z.infer<typeof ZRecordedHead>;
  try {
    parsed = ZRecordedHead.parse(JSON.parse(text));
  } catch {
    throw new CliError(cliText('cli.error.head_missing', { file: value }));
  }
  return { head: parsed.head.hash, headId: parsed.head.id, headCount: parsed.head.count };
}
