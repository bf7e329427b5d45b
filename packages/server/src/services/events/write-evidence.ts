import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { PrismaClient } from '../../generated/prisma/client';
import type { TEventsResponse } from '@planning-hub/contracts/api/events';
import { AppError } from '../../errors/app-error';
import { refOf } from '../input-sets/resolve-ref';
import { listAllEvents, parseEventLabel } from './list-events';

const JST_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Japan as YYYYMMDD: the runbook's `$(date +%Y%m%d)` on an operator's machine in Tokyo. */
export function todayJst(now: Date = new Date()): string {
  return JST_DATE.format(now).replaceAll('-', '');
}

export function parseEvidenceDate(text: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) {
    throw new AppError('bad_request', 'error.events.date_invalid', { text: text.slice(0, 20) });
  }
  return text;
}

/** `evidence/input_sets/<label>/<YYYYMMDD>/` under the work folder (docs/runbook.ja.md section 4.2). */
export function evidenceDir({ workDir, label, date }: { workDir: string; label: string; date: string }): string {
  return path.join(workDir, 'evidence', 'input_sets', parseEventLabel(label), parseEvidenceDate(date));
}

/** Writes events.json: every event of the label, newest first, exactly as the events API answers. */
export async function writeEventsEvidence({
  pool,
  label,
  dir,
}: {
  pool: Pick<pg.Pool, 'query'>;
  label: string;
  dir: string;
}): Promise<{ file: string; events: TEventsResponse }> {
  const events = await listAllEvents({ pool, label });
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'events.json');
  await writeFile(file, `${JSON.stringify(events, null, 2)}\n`);
  return { file, events };
}

/**
 * The reference whose History tab shows the label: the SPA resolves the path segment
 * as a reference, and a bare label only names a ready revision. Ready first, then
 * the draft, then the newest archived revision.
 */
export async function historyRefFor({ prisma, label }: { prisma: Pick<PrismaClient, 'inputSet'>; label: string }): Promise<string> {
  const checked = parseEventLabel(label);
  const revisions = await prisma.inputSet.findMany({
    where: { label: checked },
    select: { label: true, status: true, revision: true },
    orderBy: { revision: 'desc' },
  });
  const pick =
    revisions.find((r) => r.status === 'ready') ?? revisions.find((r) => r.status === 'draft') ?? revisions[0];
  return pick ? refOf(pick) : checked;
}
