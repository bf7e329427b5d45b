import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEventsResponse, ZVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import { ZReviewResponse } from '@planning-hub/contracts/api/review';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';
import { WARNING_OVERRIDES, importDraft } from '@planning-hub/test-support/seed-revisions';
import type { TTestServer } from '../../api/test/support/test-server';
import { startServerWithOperator } from './support/operator-server';
import { LOCAL_PRINCIPAL, runPlanning, type TCliWorkspace } from './support/planning';
import { reviewArgs } from './support/planning-args';

/** Review, archive and the audit trail through the API, as the local operator of the server's checkout. */
let server: TTestServer;
let operator: TCliWorkspace;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ server, operator, close } = await startServerWithOperator());
  await importDraft(server.runtime.db.pool, 'weekly_refresh', { principal: 'planner' });
});
afterAll(() => close?.());

describe('planning review / archive', () => {
  it('approves a draft as the signed-in user, with the Reviewer ID beside it', async () => {
    const run = await operator.planning(
      ...reviewArgs(
        'weekly_refresh@draft',
        'approve',
        { reviewer: 'E1234', comment: 'JIRA-123 approve by ops_lead' },
        '--json',
      ),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = ZReviewResponse.parse(JSON.parse(run.stdout));
    expect(result).toMatchObject({
      ref: 'weekly_refresh',
      status: 'ready',
      approvedBy: LOCAL_PRINCIPAL,
      reviewerId: 'E1234',
      reviewComment: 'JIRA-123 approve by ops_lead',
    });
    expect(result.events[0]).toMatchObject({ action: 'approve', actor: 'E1234', principal: LOCAL_PRINCIPAL });
  });

  it('refuses warnings without --acknowledge-warnings (exit 1, says why), and archives r1 as superseded with it', async () => {
    await importDraft(server.runtime.db.pool, 'weekly_refresh', {
      principal: 'planner',
      versionId: 'B',
      overrides: WARNING_OVERRIDES,
    });
    const refused = await operator.planning(
      ...reviewArgs('weekly_refresh@draft', 'approve', { reviewer: 'E1', comment: 'x' }),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('acknowledge_warnings');
    expect(refused.stderr).toContain('--acknowledge-warnings');

    const run = await operator.planning(
      ...reviewArgs(
        'weekly_refresh@draft',
        'approve',
        { reviewer: 'E1', comment: 'read them' },
        '--acknowledge-warnings',
      ),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("✓ Approved 'weekly_refresh' r2: now ready");
    expect(run.stdout).toContain(`approved by   ${LOCAL_PRINCIPAL} (Reviewer ID E1)`);
    expect(run.stdout).toContain('archived      r1 (superseded by r2)');
  });

  it('reverts the ready revision and approves it again', async () => {
    const reverted = await operator.planning(
      ...reviewArgs('weekly_refresh', 'revert', { comment: 'wrong week' }, '--json'),
    );
    expect(reverted.code).toBe(0);
    expect(ZReviewResponse.parse(JSON.parse(reverted.stdout))).toMatchObject({
      status: 'draft',
      approvedBy: null,
    });
    const again = await operator.planning(
      ...reviewArgs(
        'weekly_refresh@draft',
        'approve',
        { reviewer: 'E1', comment: 'read them' },
        '--acknowledge-warnings',
      ),
    );
    expect(again.code).toBe(0);
  });

  it('archives a revision with a comment', async () => {
    const run = await operator.planning('archive', '--label', 'weekly_refresh@r1', '--comment', 'cleanup');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("'weekly_refresh@r1' is already archived.");
    await importDraft(server.runtime.db.pool, 'scratch', { principal: 'planner' });
    const ok = await operator.planning(
      'archive',
      '--label',
      'scratch@draft',
      '--comment',
      'abandoned',
      '--json',
    );
    expect(ok.code).toBe(0);
    expect(ZReviewResponse.parse(JSON.parse(ok.stdout))).toMatchObject({
      status: 'archived',
      reviewComment: 'abandoned',
    });
  });
});

describe('planning events', () => {
  it('prints only the ZEventsResponse with --json, as the runbook redirects it to a file', async () => {
    const run = await operator.planning('events', '--label', 'weekly_refresh', '--limit', '100', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const page = ZEventsResponse.parse(JSON.parse(run.stdout));
    expect(page.events.map((e) => e.action)).toEqual([
      'approve',
      'revert',
      'approve',
      'archive',
      'upload',
      'approve',
      'upload',
    ]);
    expect(page.events[3]!.comment).toBe('superseded by r2');
  });

  it('prints a readable table: time JST, action, actor, principal, revision, comment', async () => {
    const run = await operator.planning('events', '--label', 'weekly_refresh', '--limit', '2');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME \(JST\)\s+ACTION\s+ACTOR\s+PRINCIPAL\s+REV\s+COMMENT$/);
    expect(lines[1]).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} JST\s+approve\s+E1\s+local:\S+\s+r2\s+read them$/,
    );
    expect(lines[2]).toMatch(/revert\s+\S+\s+local:\S+\s+r2\s+wrong week$/);
    expect(lines[3]).toMatch(/^\(older events: --cursor \d+\)$/);
  });

  it('verifies the chain (exit 0), and names the first broken link after tampering (exit 1)', async () => {
    const ok = await operator.planning('events', 'verify', '--label', 'weekly_refresh');
    expect(ok.stdout.trim()).toBe('OK: 7 events, chain intact');
    expect(ok.code).toBe(0);

    const client = await server.runtime.db.pool.connect();
    try {
      await client.query('ALTER TABLE planning_input_set_events DISABLE TRIGGER ALL');
      await client.query(
        "UPDATE planning_input_set_events SET comment = 'wrong weeK' WHERE label = 'weekly_refresh' AND comment = 'wrong week'",
      );
    } finally {
      await client.query('ALTER TABLE planning_input_set_events ENABLE TRIGGER ALL');
      client.release();
    }
    const broken = await operator.planning('events', 'verify', '--label', 'weekly_refresh');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^BROKEN: 'weekly_refresh' event \d+ \(revert r2 at .* JST by \S+\)/);
    expect(broken.stdout).toContain('altered');
    const json = await operator.planning('events', 'verify', '--label', 'weekly_refresh', '--json');
    expect(ZVerifyEventsResponse.parse(JSON.parse(json.stdout))).toMatchObject({ ok: false, checked: 5 });
  });

  it('backfills a revision that has no events, as the signed-in user, and refuses the runbook typo with its message', async () => {
    await server.runtime.db.pool.query(
      `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
       VALUES ('legacy', 1, 'archived', 'v0', $1, '{}', 'legacy')`,
      ['c'.repeat(64)],
    );
    const empty = await operator.planning('events', '--label', 'legacy');
    expect(empty.stdout).toContain("No events for 'legacy'.");
    const run = await operator.planning(
      'events',
      'backfill',
      '--label',
      'legacy@r1',
      '--comment',
      'imported with events off, JIRA-77',
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      action: 'backfill',
      principal: LOCAL_PRINCIPAL,
      revision: 1,
    });

    const typo = await operator.planning('events', '--label', 'legacyy');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain("error: Input set 'legacyy' not found.");
    const noLabel = await operator.planning('events');
    expect(noLabel.code).toBe(1);
    expect(noLabel.stderr).toContain('Give the label: planning events --label <label>.');
  });
});

describe('planning events verify --head', () => {
  it('fails naming the events removed from the end after the evidence folder recorded the head; without it, it cannot tell', async () => {
    for (const versionId of ['A', 'B', 'C'])
      await importDraft(server.runtime.db.pool, 'cut_tail', { principal: 'planner', versionId });
    const evidence = await runPlanning(['evidence', '--label', 'cut_tail', '--date', '20261128'], {
      ...operator,
      env: { CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(evidence.stdout).toContain('(3 events)');
    const file = path.join(operator.cwd, 'evidence/input_sets/cut_tail/20261128/events.json');
    const saved = ZEventsResponse.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(saved.head).toEqual({ id: saved.events[0]!.id, hash: saved.events[0]!.hash, count: 3 });
    const listed = ZEventsResponse.parse(
      JSON.parse((await operator.planning('events', '--label', 'cut_tail', '--limit', '1', '--json')).stdout),
    );
    expect(listed.head).toEqual(saved.head);
    expect((await operator.planning('events', 'verify', '--label', 'cut_tail', '--head', file)).code).toBe(0);

    const client = await server.runtime.db.pool.connect();
    try {
      await client.query('ALTER TABLE planning_input_set_events DISABLE TRIGGER ALL');
      await client.query('DELETE FROM planning_input_set_events WHERE id = $1', [saved.head!.id]);
    } finally {
      await client.query('ALTER TABLE planning_input_set_events ENABLE TRIGGER ALL');
      client.release();
    }
    const plain = await operator.planning('events', 'verify', '--label', 'cut_tail');
    expect(plain.stdout.trim()).toBe('OK: 2 events, chain intact');

    const broken = await operator.planning('events', 'verify', '--label', 'cut_tail', '--head', file);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN: 'cut_tail'`);
    expect(broken.stdout).toContain(`event ${saved.head!.id}`);
    expect(broken.stdout).toContain('1 event(s) were removed from the end');
    const byHash = await operator.planning(
      'events',
      'verify',
      '--label',
      'cut_tail',
      '--head',
      saved.head!.hash,
      '--json',
    );
    expect(byHash.code).toBe(1);
    expect(ZVerifyEventsResponse.parse(JSON.parse(byHash.stdout))).toMatchObject({
      ok: false,
      checked: 2,
      brokenAt: null,
    });
    const notAHead = await operator.planning(
      'events',
      'verify',
      '--label',
      'cut_tail',
      '--head',
      'nope.json',
    );
    expect(notAHead.code).toBe(1);
    expect(notAHead.stderr).toContain('--head takes a 64-character event hash');
  });
});

describe('planning evidence', () => {
  // The test server serves apps/web/dist when it has been built (pnpm build).
  const isSpaBuilt = existsSync(path.join(findRepoRoot(), 'apps/web/dist/index.html'));

  it(
    isSpaBuilt
      ? 'writes events.json (every event, one page) and captures the History tab as history.png'
      : 'writes events.json and reports that the server serves no SPA',
    async () => {
      const run = await operator.planning('evidence', '--label', 'weekly_refresh', '--date', '20261126');
      const dir = path.join(operator.cwd, 'evidence/input_sets/weekly_refresh/20261126');
      const saved = ZEventsResponse.parse(JSON.parse(await readFile(path.join(dir, 'events.json'), 'utf8')));
      expect(saved.events).toHaveLength(7);
      expect(saved.nextCursor).toBeNull();
      expect(run.stdout).toContain(`✓ ${path.join(dir, 'events.json')} (7 events)`);
      if (isSpaBuilt) {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const png = await readFile(path.join(dir, 'history.png'));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect((await stat(path.join(dir, 'history.png'))).size).toBeGreaterThan(5000);
      } else {
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('does not serve the Planning Hub UI');
      }
      // The screenshot's browser session was signed out again.
      const { rows } = await server.runtime.db.pool.query('SELECT count(*)::int AS n FROM sessions');
      expect(rows[0].n).toBe(0);
    },
  );

  it('still writes events.json when the browser cannot start, explains why, exits 1 and ends its browser session', async () => {
    const run = await runPlanning(['evidence', '--label', 'weekly_refresh', '--date', '20261127'], {
      ...operator,
      env: { CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(run.code).toBe(1);
    const dir = path.join(operator.cwd, 'evidence/input_sets/weekly_refresh/20261127');
    expect(existsSync(path.join(dir, 'events.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'history.png'))).toBe(false);
    expect(run.stderr).toContain('✗ history.png was not written:');
    const { rows } = await server.runtime.db.pool.query('SELECT count(*)::int AS n FROM sessions');
    expect(rows[0].n).toBe(0);
  });

  it('refuses a date that is not YYYYMMDD and a label that is not one', async () => {
    expect(
      (await operator.planning('evidence', '--label', 'weekly_refresh', '--date', '2026-11-25')).stderr,
    ).toContain('use YYYYMMDD');
    expect((await operator.planning('evidence', '--label', '../etc')).code).toBe(1);
    expect(existsSync(path.join(operator.cwd, 'evidence/etc'))).toBe(false);
  });
});
