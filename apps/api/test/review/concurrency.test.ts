import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

let server: TTestServer;
let reviewers: TTokenCaller[];

beforeAll(async () => {
  server = await startTestServer();
  reviewers = await Promise.all([1, 2, 3, 4].map(() => server.createUserWithToken('reviewer')));
});
afterAll(() => server?.close());

function review(ref: string, body: Record<string, unknown>, caller: TTokenCaller) {
  return server.fetch(API.review(ref), {
    method: 'POST',
    headers: { ...caller.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function countEvents(label: string, action: string): Promise<number> {
  const { rows } = await server.runtime.db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM planning_input_set_events WHERE label = $1 AND action = $2',
    [label, action],
  );
  return rows[0]!.n;
}

async function statuses(label: string): Promise<string[]> {
  const { rows } = await server.runtime.db.pool.query<{ s: string }>(
    "SELECT 'r' || revision || ':' || status AS s FROM planning_input_sets WHERE label = $1 ORDER BY revision",
    [label],
  );
  return rows.map((r) => r.s);
}

const LOST_RACE = [
  /^Another change to '[a-z_0-9]+' is in progress; reload and try again\.$/,
  /^'[a-z_0-9]+@draft' no longer exists \(r\d+ is ready\); reload and try again\.$/,
  /^'[a-z_0-9]+@r\d+' \(r\d+\) is archived; only the ready revision can be reverted\.$/,
  /^'[a-z_0-9]+' already has a draft \(r\d+\); '[a-z_0-9]+' cannot be reverted while it exists\.$/,
];

async function expectLostRace(res: Response): Promise<void> {
  expect(res.status).toBe(409);
  const problem = ZProblemDetails.parse(await res.json());
  expect(
    LOST_RACE.some((pattern) => pattern.test(problem.detail)),
    problem.detail,
  ).toBe(true);
}

describe('concurrent transitions on one label', () => {
  it('lets exactly one of 20 parallel approve requests win; the other 19 get 409 and no event', async () => {
    await importDraft(server.runtime.db.pool, 'contended');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        review(
          'contended@draft',
          { action: 'approve', reviewer: `E${i}`, comment: `approve #${i}` },
          reviewers[i % 4]!,
        ),
      ),
    );
    const byStatus = responses.map((r) => r.status).sort();
    expect(byStatus.filter((s) => s === 200)).toHaveLength(1);
    expect(byStatus.filter((s) => s === 409)).toHaveLength(19);
    await Promise.all(responses.filter((r) => r.status === 409).map(expectLostRace));
    expect(await countEvents('contended', 'approve')).toBe(1);
    expect(await statuses('contended')).toEqual(['r1:ready']);
  });

  it('lets exactly one of 20 parallel approves win when a previous ready revision must be archived too', async () => {
    await importDraft(server.runtime.db.pool, 'contended', {
      versionId: '2027-01-B',
      overrides: { 'inbound.csv': null },
    });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        review(
          'contended@draft',
          { action: 'approve', comment: `#${i}`, acknowledge_warnings: true },
          reviewers[i % 4]!,
        ),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    await Promise.all(responses.filter((r) => r.status !== 200).map(expectLostRace));
    expect(await countEvents('contended', 'approve')).toBe(2);
    expect(await countEvents('contended', 'archive')).toBe(1);
    expect(await statuses('contended')).toEqual(['r1:archived', 'r2:ready']);
  });

  it('lets exactly one of a parallel approve and revert win, every time', async () => {
    for (let round = 0; round < 6; round += 1) {
      const label = `race_${round}`;
      await importDraft(server.runtime.db.pool, label);
      expect(
        (await review(`${label}@draft`, { action: 'approve', comment: 'r1' }, reviewers[0]!)).status,
      ).toBe(200);
      await importDraft(server.runtime.db.pool, label, {
        versionId: 'B',
        overrides: { 'inbound.csv': null },
      });
      // The revert names the revision its reviewer saw (r1). Whichever runs first, only one
      // may win: a revert first meets the draft r2, a revert second meets r1 archived.
      const [approve, revert] = await Promise.all([
        review(
          `${label}@draft`,
          { action: 'approve', comment: 'approve r2', acknowledge_warnings: true },
          reviewers[1]!,
        ),
        review(`${label}@r1`, { action: 'revert', comment: 'revert r1' }, reviewers[2]!),
      ]);
      expect(approve.status).toBe(200);
      await expectLostRace(revert);
      expect(await statuses(label)).toEqual(['r1:archived', 'r2:ready']);
      expect(await countEvents(label, 'revert')).toBe(0);
    }
  });

  it('lets exactly one of 10 parallel reverts win', async () => {
    await importDraft(server.runtime.db.pool, 'revert_race');
    expect(
      (await review('revert_race@draft', { action: 'approve', comment: 'r1' }, reviewers[0]!)).status,
    ).toBe(200);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        review('revert_race@r1', { action: 'revert', comment: `#${i}` }, reviewers[i % 4]!),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    for (const res of responses.filter((r) => r.status !== 200)) {
      expect(res.status).toBe(409);
      const { detail } = ZProblemDetails.parse(await res.json());
      expect([
        "Another change to 'revert_race' is in progress; reload and try again.",
        "'revert_race@draft' (r1) is draft; only the ready revision can be reverted.",
      ]).toContain(detail);
    }
    expect(await countEvents('revert_race', 'revert')).toBe(1);
  });

  it('answers 409 at once while an upload holds the label lock', async () => {
    await importDraft(server.runtime.db.pool, 'locked');
    const holder = await server.runtime.db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query("SELECT pg_advisory_xact_lock(hashtextextended('planning_input_set:' || $1, 0))", [
        'locked',
      ]);
      const res = await review('locked@draft', { action: 'approve', comment: 'ok' }, reviewers[0]!);
      expect(res.status).toBe(409);
      expect(ZProblemDetails.parse(await res.json()).detail).toBe(
        "Another change to 'locked' is in progress; reload and try again.",
      );
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    expect((await review('locked@draft', { action: 'approve', comment: 'ok' }, reviewers[0]!)).status).toBe(
      200,
    );
  });
});
