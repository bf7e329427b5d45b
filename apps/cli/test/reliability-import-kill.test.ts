import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLE_SPECS, type TRow } from '@planning-hub/contracts/tables';
import { formatCsvHeader, formatTableRow } from '@planning-hub/core/csv/format-csv-row';
import { generateBundle, type TGeneratedTable } from '@planning-hub/core/generate/generate-bundle';
import { createSeededRandom } from '@planning-hub/core/generate/seeded-random';
import { createDatabaseClients } from '../../../packages/server/src/database/connect';
import { computeStoredContentHash } from '../../../packages/server/src/services/input-sets/content-hash';
import { verifyEvents } from '../../../packages/server/src/services/events/verify-events';
import { folderSources } from '../../../packages/server/src/services/input-sets/bundle-sources';
import { importBundle } from '../../../packages/server/src/services/input-sets/import-bundle';
import { importDraft } from '../../../packages/server/test/support/seed-revisions';
import { createTestDatabase } from '../../../packages/server/test/support/test-database';
import { spawnPlanning } from './support/planning';

/**
 * `planning import` killed with SIGKILL at random points of a ~50k-row import never
 * leaves a half revision: the label's draft is either the previous one, intact, or
 * the whole new one, with exactly one upload event per committed import and an
 * unbroken hash chain. The seed is printed so that a failure can be replayed.
 */

const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 100_000);
const KILLS = 3;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clients: ReturnType<typeof createDatabaseClients>;
let pool: ReturnType<typeof createDatabaseClients>['pool'];
let workDir: string;
let bundleDir: string;

function startImport(label: string, versionId: string): ChildProcess {
  return spawnPlanning(
    ['import', '-i', bundleDir, '--version-id', versionId, '--label', label],
    { databaseUrl: database.url, workDir },
    'ignore',
  );
}

async function importFolder(label: string, versionId: string): Promise<void> {
  const report = await importBundle(
    { pool },
    {
      label,
      versionId,
      files: await folderSources(bundleDir),
      encoding: 'auto',
      allowInvalid: false,
      actor: systemActor('cli:ops'),
      entrypoint: 'cli',
      sourceKind: 'folder',
    },
  );
  expect(report.stored).toBe(true);
}

/** Backends of the test database doing something, other than this test's own idle pool. */
async function busyBackends(): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'",
  );
  return rows[0]!.n;
}

/** Resolves once the import is loading rows (a COPY runs), or the process has ended. */
async function untilLoading(child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'COPY%' AND state <> 'idle'",
    );
    if (rows[0]!.n > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function waitForQuiet(): Promise<void> {
  // PostgreSQL notices the dead client at its next read or write; then it rolls back.
  for (let i = 0; i < 300 && (await busyBackends()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
  expect(await busyBackends()).toBe(0);
}

type TRevision = {
  id: number;
  revision: number;
  status: string;
  content_hash: string;
  version_id: string;
  row_counts: Record<string, number>;
};

async function revisionsOf(label: string): Promise<TRevision[]> {
  const { rows } = await pool.query<TRevision>(
    'SELECT id, revision, status, content_hash, version_id, row_counts FROM planning_input_sets WHERE label = $1 ORDER BY revision',
    [label],
  );
  return rows;
}

/** The rows stored for a revision hash to its content_hash, and match its row counts. */
async function expectWhole(revision: TRevision): Promise<void> {
  const client = await pool.connect();
  try {
    expect(await computeStoredContentHash(client, revision.id)).toBe(revision.content_hash);
  } finally {
    client.release();
  }
  for (const table of TABLE_NAMES) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${TABLE_SPECS[table].dbTable} WHERE input_set_id = $1`,
      [revision.id],
    );
    expect(rows[0]!.n, table).toBe(revision.row_counts[table] ?? 0);
  }
}

async function uploadEvents(label: string): Promise<{ content_hash: string }[]> {
  const { rows } = await pool.query<{ content_hash: string }>(
    "SELECT metadata->>'content_hash' AS content_hash FROM planning_input_set_events WHERE label = $1 AND action = 'upload' ORDER BY id",
    [label],
  );
  return rows;
}

/** The ~50k-row bundle scripts/generate-bundle.ts writes, written here without a second process. */
async function writeGeneratedBundle(dir: string, demandRows: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const bundle = generateBundle({ demandRows, seed: 1 });
  for (const [table, rows] of Object.entries(bundle.tables) as [TGeneratedTable, () => Generator<TRow>][]) {
    const lines = [formatCsvHeader(table)];
    for (const row of rows()) lines.push(formatTableRow(table, row));
    await writeFile(path.join(dir, TABLE_SPECS[table].file), `${lines.join('\n')}\n`);
  }
  await writeFile(path.join(dir, 'params.json'), JSON.stringify(bundle.params));
}

beforeAll(async () => {
  database = await createTestDatabase();
  clients = createDatabaseClients(database.url, 3);
  pool = clients.pool;
  workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-kill-'));
  bundleDir = path.join(workDir, 'bundle-50k');
  await writeGeneratedBundle(bundleDir, 50_000);
});
afterAll(async () => {
  await clients?.close();
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

describe(`planning import killed with SIGKILL (seed ${SEED})`, () => {
  it('never leaves a half revision: the previous draft stays whole, or the new one is there whole with its event', async () => {
    // The whole import once, in this process: its content hash, and how long loading takes.
    const started = Date.now();
    await importFolder('complete', 'full');
    const loadMs = Date.now() - started;
    const [whole] = await revisionsOf('complete');
    await expectWhole(whole!);

    await importDraft(pool, 'killed', { versionId: 'before' });
    const [previous] = await revisionsOf('killed');
    const next = createSeededRandom(SEED);
    let committed = 0;
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < KILLS; attempt++) {
      const child = startImport('killed', `kill-${attempt}`);
      await untilLoading(child);
      // The CLI's load takes about as long as the import in this process did: most kills land inside it.
      const delay = Math.floor(next() * loadMs * 1.1);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
      await waitForQuiet();

      const revisions = await revisionsOf('killed');
      expect(revisions, `attempt ${attempt}, killed after ${delay} ms`).toHaveLength(1);
      const [draft] = revisions;
      expect(draft).toMatchObject({ id: previous!.id, revision: 1, status: 'draft' });
      expect([previous!.content_hash, whole!.content_hash]).toContain(draft!.content_hash);
      await expectWhole(draft!);
      const isCommitted = draft!.version_id === `kill-${attempt}`;
      if (isCommitted) committed += 1;
      outcomes.push(`${delay} ms: ${isCommitted ? 'committed' : 'rolled back'}`);
      const events = await uploadEvents('killed');
      expect(events).toHaveLength(1 + committed);
      expect(events.at(-1)!.content_hash).toBe(draft!.content_hash);
      expect(await verifyEvents({ pool, label: 'killed' })).toMatchObject({
        ok: true,
        checked: 1 + committed,
      });
    }
    console.info(`reliability: import killed ${outcomes.join(', ')} (seed ${SEED})`);
    const { rows } = await pool.query(
      "SELECT count(*)::int AS n FROM planning_input_sets WHERE content_hash = ''",
    );
    expect(rows[0].n).toBe(0);

    // The label is not wedged: the next import goes through.
    await importFolder('killed', 'after');
    const [final] = await revisionsOf('killed');
    expect(final).toMatchObject({ version_id: 'after', content_hash: whole!.content_hash });
  }, 180_000);
});
