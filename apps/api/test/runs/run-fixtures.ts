import { createHash } from 'node:crypto';
import type pg from 'pg';
import { systemActor } from '@planning-hub/server/services/auth/actor';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import { importSampleDraft } from '../support/import-bundle';
import type { TTestServer } from '../support/test-server';

/** A READY revision of `label`: import, then approve as a reviewer would. */
export async function importReadySet(pool: pg.Pool, label: string, versionId = '2027-01-A') {
  const report = await importSampleDraft(pool, label, versionId);
  await approveDraft({
    pool,
    ref: `${label}@draft`,
    reviewer: 'ops_lead',
    comment: 'JIRA-123 approve by ops_lead',
    acknowledgeWarnings: true,
    actor: systemActor('reviewer-test'),
  });
  return report;
}

/** The value of one sample of a Prometheus text exposition, e.g. `run_without_input_set_total{entrypoint="/runs"}`. */
export async function readMetric(server: TTestServer, sample: string): Promise<number> {
  const text = await (await server.fetch('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  if (!line) throw new Error(`No sample ${sample} in /metrics`);
  return Number(line.slice(sample.length + 1));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function postJson(server: TTestServer, path: string, headers: Record<string, string>, body: unknown) {
  return server.fetch(path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
