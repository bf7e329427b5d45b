import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZImportReport } from '@planning-hub/contracts/api/input-sets';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { computeStoredContentHash } from '@planning-hub/server/services/input-sets/content-hash';
import { verifyEvents } from '@planning-hub/server/services/events/verify-events';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/**
 * Many callers at once on one label (docs/design.md sections 4 and 5): uploads queue up
 * on the label lock and all land, in one order the events record; transitions are
 * tried and exactly one wins. The approve/revert race and 20 parallel approves are in
 * apps/api/test/review/concurrency.test.ts.
 */

let server: TTestServer;
let planners: TTokenCaller[];
let reviewers: TTokenCaller[];

beforeAll(async () => {
  // All 20 uploads at once: past UPLOAD_CONCURRENCY (default 4) the rest would get 503 (upload-limits.test.ts).
  server = await startTestServer({ env: { UPLOAD_CONCURRENCY: '20' } });
  planners = await Promise.all([1, 2].map(() => server.createUserWithToken('planner')));
  reviewers = await Promise.all([1, 2, 3].map(() => server.createUserWithToken('reviewer')));
});
afterAll(() => server?.close());

type TUploadEvent = {
  id: string;
  prev_hash: string;
  hash: string;
  content_hash: string;
  previous_content_hash: string | null;
  version_id: string;
};

async function uploadEventsOf(label: string): Promise<TUploadEvent[]> {
  const { rows } = await server.runtime.db.pool.query<TUploadEvent>(
    `SELECT id::text, prev_hash, hash, metadata->>'content_hash' AS content_hash,
            metadata->>'previous_content_hash' AS previous_content_hash, metadata->>'version_id' AS version_id
       FROM planning_input_set_events WHERE label = $1 AND action = 'upload' ORDER BY planning_input_set_events.id`,
    [label],
  );
  return rows;
}

describe('20 parallel uploads to one label', () => {
  it('all land on one draft, one after the other: 20 upload events, each replacing the content the one before stored', async () => {
    const label = 'crowded';
    // Different content per upload, so that the events show which one replaced which.
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.fetch(API.upload(label), {
          method: 'POST',
          headers: planners[i % planners.length]!.headers,
          body: bundleFormData(
            { version_id: `v${i}` },
            { 'period_metrics.csv': `period,metric,value\n2027-01,fx_rate,${150 + i}\n` },
          ),
        }),
      ),
    );
    const reports = await Promise.all(
      responses.map(async (res) => {
        expect(res.status).toBe(201);
        return ZImportReport.parse(await res.json());
      }),
    );
    expect(new Set(reports.map((r) => r.contentHash)).size).toBe(20);
    expect(reports.every((r) => r.revision === 1 && r.status === 'draft')).toBe(true);

    const { rows: revisions } = await server.runtime.db.pool.query(
      'SELECT id, revision, status, version_id, content_hash FROM planning_input_sets WHERE label = $1',
      [label],
    );
    expect(revisions).toHaveLength(1);
    const [draft] = revisions;
    const events = await uploadEventsOf(label);
    expect(events).toHaveLength(20);
    // The events are one sequence of overwrites: each names the content the previous one stored.
    expect(events[0]!.previous_content_hash).toBeNull();
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.previous_content_hash).toBe(events[i - 1]!.content_hash);
    expect(events.at(-1)).toMatchObject({ content_hash: draft.content_hash, version_id: draft.version_id });
    // Whatever upload came last, the draft holds exactly its rows.
    const client = await server.runtime.db.pool.connect();
    try {
      expect(await computeStoredContentHash(client, draft.id)).toBe(draft.content_hash);
    } finally {
      client.release();
    }
    // One chain: every event names a different predecessor, and the chain verifies.
    expect(new Set(events.map((e) => e.prev_hash)).size).toBe(20);
    expect(await verifyEvents({ pool: server.runtime.db.pool, label })).toMatchObject({
      ok: true,
      checked: 20,
    });
  });
});

describe('50 parallel approve requests on one draft', () => {
  it('change the state once: one 200, 49 answers 409, one approve event, an intact chain', async () => {
    const label = 'stampede';
    await importDraft(server.runtime.db.pool, label);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        server.fetch(API.review(`${label}@draft`), {
          method: 'POST',
          headers: { ...reviewers[i % reviewers.length]!.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'approve', reviewer: `E${i}`, comment: `approve #${i}` }),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const res of responses.filter((r) => r.status === 409)) {
      expect(ZProblemDetails.parse(await res.json()).code).toBe('conflict');
    }
    const { rows } = await server.runtime.db.pool.query(
      `SELECT s.status, s.approved_by, s.reviewer_id,
              (SELECT count(*)::int FROM planning_input_set_events e WHERE e.label = s.label AND e.action = 'approve') AS approvals
         FROM planning_input_sets s WHERE s.label = $1`,
      [label],
    );
    // approved_by is the signed-in user, reviewer_id the Reviewer ID typed in the form.
    expect(rows).toEqual([
      {
        status: 'ready',
        approved_by: expect.toBeOneOf(reviewers.map((r) => r.username)),
        reviewer_id: expect.stringMatching(/^E\d+$/),
        approvals: 1,
      },
    ]);
    expect(await verifyEvents({ pool: server.runtime.db.pool, label })).toMatchObject({
      ok: true,
      checked: 2,
    });
  });
});
