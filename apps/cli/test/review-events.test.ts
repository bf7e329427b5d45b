import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEventsResponse, ZVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import { ZReviewResponse } from '@planning-hub/contracts/api/review';
import { findRepoRoot } from '../../../packages/server/src/config/repo-root';
import { createDatabaseClients } from '../../../packages/server/src/database/connect';
import { WARNING_OVERRIDES, importDraft } from '../../../packages/server/test/support/seed-revisions';
import { createTestDatabase } from '../../../packages/server/test/support/test-database';
import { startTestServer, type TTestServer } from '../../api/test/support/test-server';
import { runPlanning } from './support/planning';

const root = findRepoRoot();
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clients: ReturnType<typeof createDatabaseClients>;
let workDir: string;

/** `planning ...` on this file's database, or on another one (a running server's). */
const planning = (args: string[], { env, databaseUrl }: { env?: Record<string, string>; databaseUrl?: string } = {}) =>
  runPlanning(args, { databaseUrl: databaseUrl ?? database.url, workDir, env });

const osPrincipal = `cli:${os.userInfo().username}`;

beforeAll(async () => {
  database = await createTestDatabase();
  clients = createDatabaseClients(database.url, 2);
  workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-cli-review-'));
  await importDraft(clients.pool, 'weekly_refresh', { principal: 'cli:planner' });
});
afterAll(async () => {
  await clients?.close();
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

describe('planning review / archive', () => {
  it('approves a draft and prints the revision as JSON', async () => {
    const run = await planning([
      'review', '--label', 'weekly_refresh@draft', '--action', 'approve',
      '--reviewer', 'E1234', '--comment', 'JIRA-123 approve by ops_lead', '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = ZReviewResponse.parse(JSON.parse(run.stdout));
    expect(result).toMatchObject({ ref: 'weekly_refresh', status: 'ready', approvedBy: 'E1234', reviewComment: 'JIRA-123 approve by ops_lead' });
    expect(result.events[0]).toMatchObject({ action: 'approve', actor: 'E1234', principal: osPrincipal });
  });

  it('refuses warnings without --acknowledge-warnings (exit 1, says why), and archives r1 as superseded with it', async () => {
    await importDraft(clients.pool, 'weekly_refresh', { principal: 'cli:planner', versionId: 'B', overrides: WARNING_OVERRIDES });
    const refused = await planning(['review', '--label', 'weekly_refresh@draft', '--action', 'approve', '--reviewer', 'E1', '--comment', 'x']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('acknowledge_warnings');
    expect(refused.stderr).toContain('--acknowledge-warnings');

    const run = await planning([
      'review', '--label', 'weekly_refresh@draft', '--action', 'approve', '--reviewer', 'E1', '--comment', 'read them', '--acknowledge-warnings',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("✓ Approved 'weekly_refresh' r2: now ready");
    expect(run.stdout).toContain('archived      r1 (superseded by r2)');
  });

  it('archives a revision with a comment', async () => {
    const run = await planning(['archive', '--label', 'weekly_refresh@r1', '--comment', 'cleanup']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("'weekly_refresh@r1' is already archived.");
    await importDraft(clients.pool, 'scratch', { principal: 'cli:planner' });
    const ok = await planning(['archive', '--label', 'scratch@draft', '--comment', 'abandoned', '--json']);
    expect(ok.code).toBe(0);
    expect(ZReviewResponse.parse(JSON.parse(ok.stdout))).toMatchObject({ status: 'archived', reviewComment: 'abandoned' });
  });

  it('applies the four-eyes policy to the CLI too: the OS user who imported may not approve', async () => {
    await importDraft(clients.pool, 'own_upload', { principal: osPrincipal });
    const run = await planning(
      ['review', '--label', 'own_upload@draft', '--action', 'approve', '--reviewer', 'E1', '--comment', 'mine'],
      { env: { FOUR_EYES: 'true' } },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Four-eyes policy: '${osPrincipal}' uploaded the current content`);
  });
});

describe('planning events', () => {
  it('prints only the ZEventsResponse with --json, as the runbook redirects it to a file', async () => {
    const run = await planning(['events', '--label', 'weekly_refresh', '--limit', '100', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const page = ZEventsResponse.parse(JSON.parse(run.stdout));
    expect(page.events.map((e) => e.action)).toEqual(['approve', 'archive', 'upload', 'approve', 'upload']);
    expect(page.events[1]!.comment).toBe('superseded by r2');
  });

  it('prints a readable table: time JST, action, actor, principal, revision, comment', async () => {
    const run = await planning(['events', '--label', 'weekly_refresh', '--limit', '2']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME \(JST\)\s+ACTION\s+ACTOR\s+PRINCIPAL\s+REV\s+COMMENT$/);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} JST\s+approve\s+E1\s+cli:\S+\s+r2\s+read them$/);
    expect(lines[2]).toMatch(/archive\s+E1\s+cli:\S+\s+r1\s+superseded by r2$/);
    expect(lines[3]).toMatch(/^\(older events: --cursor \d+\)$/);
  });

  it('verifies the chain (exit 0), and names the first broken link after tampering (exit 1)', async () => {
    const ok = await planning(['events', 'verify', '--label', 'weekly_refresh']);
    expect(ok.stdout.trim()).toBe('OK: 5 events, chain intact');
    expect(ok.code).toBe(0);

    const client = await clients.pool.connect();
    try {
      await client.query('ALTER TABLE planning_input_set_events DISABLE TRIGGER ALL');
      await client.query("UPDATE planning_input_set_events SET comment = 'read theM' WHERE label = 'weekly_refresh' AND comment = 'read them'");
    } finally {
      await client.query('ALTER TABLE planning_input_set_events ENABLE TRIGGER ALL');
      client.release();
    }
    const broken = await planning(['events', 'verify', '--label', 'weekly_refresh']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^BROKEN: 'weekly_refresh' event \d+ \(approve r2 at .* JST by E1\)/);
    expect(broken.stdout).toContain('altered');
    const json = await planning(['events', 'verify', '--label', 'weekly_refresh', '--json']);
    expect(ZVerifyEventsResponse.parse(JSON.parse(json.stdout))).toMatchObject({ ok: false, checked: 4 });
  });

  it('backfills a revision that has no events, and refuses the runbook typo with its message', async () => {
    await clients.pool.query(
      `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
       VALUES ('legacy', 1, 'ready', 'v0', $1, '{}', 'legacy')`,
      ['c'.repeat(64)],
    );
    const empty = await planning(['events', '--label', 'legacy']);
    expect(empty.stdout).toContain("No events for 'legacy'.");
    const run = await planning(['events', 'backfill', '--label', 'legacy', '--comment', 'imported with events off, JIRA-77']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ Recorded backfill event \d+ for 'legacy' r1 \(ready\)\./);

    const typo = await planning(['events', '--label', 'legacyy']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain("error: Input set 'legacyy' not found.");
  });
});

describe('planning evidence', () => {
  it('writes events.json and says clearly that history.png needs a running server (exit 1)', async () => {
    const run = await planning(['evidence', '--label', 'weekly_refresh', '--date', '20261125', '--url', 'http://127.0.0.1:9']);
    expect(run.code).toBe(1);
    const file = path.join(workDir, 'evidence/input_sets/weekly_refresh/20261125/events.json');
    expect(run.stdout).toContain(file);
    expect(run.stderr).toContain('history.png was not written: no Planning Hub server answers at http://127.0.0.1:9');
    const saved = ZEventsResponse.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(saved.events).toHaveLength(5);
    expect(saved.nextCursor).toBeNull();
    expect(existsSync(path.join(path.dirname(file), 'history.png'))).toBe(false);
  });

  it('refuses a date that is not YYYYMMDD and a label that is not one', async () => {
    expect((await planning(['evidence', '--label', 'weekly_refresh', '--date', '2026-11-25'])).stderr).toContain('use YYYYMMDD');
    expect((await planning(['evidence', '--label', '../etc'])).code).toBe(1);
    expect(existsSync(path.join(workDir, 'evidence/etc'))).toBe(false);
  });

  describe('against a running server', () => {
    let server: TTestServer;
    beforeAll(async () => {
      server = await startTestServer();
      await importDraft(server.runtime.db.pool, 'weekly_refresh', { principal: 'cli:planner' });
      await server.createUser('admin', { username: 'evidence-admin' });
    });
    afterAll(() => server?.close());

    // The test server serves apps/web/dist when it has been built (pnpm build).
    const isSpaBuilt = existsSync(path.join(root, 'apps/web/dist/index.html'));

    it(isSpaBuilt ? 'captures the History tab as history.png' : 'reports that the server serves no SPA', async () => {
      const run = await planning(
        ['evidence', '--label', 'weekly_refresh', '--date', '20261126', '--url', server.baseUrl, '--user', 'evidence-admin'],
        { databaseUrl: server.databaseUrl },
      );
      const dir = path.join(workDir, 'evidence/input_sets/weekly_refresh/20261126');
      expect(existsSync(path.join(dir, 'events.json'))).toBe(true);
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
      const { rows } = await server.runtime.db.pool.query('SELECT count(*)::int AS n FROM sessions');
      expect(rows[0].n).toBe(0);
    });
  });
});
