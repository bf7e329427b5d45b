import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLE_SPECS, type TRow } from '@planning-hub/contracts/tables';
import { formatCsvHeader, formatTableRow } from '@planning-hub/core/csv/format-csv-row';
import { generateBundle, type TGeneratedTable } from '@planning-hub/core/generate/generate-bundle';
import { createSeededRandom } from '@planning-hub/core/generate/seeded-random';
import { computeStoredContentHash } from '@planning-hub/server/services/input-sets/content-hash';
import { verifyEvents } from '@planning-hub/server/services/events/verify-events';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { startTestServer, type TTestServer } from '../../api/test/support/test-server';
import { cliWorkspace, spawnPlanning, type TCliWorkspace } from './support/planning';
import { startThrottledProxy, type TThrottledProxy } from './support/throttled-proxy';

/**
 * `planning import` uploads through the API; killed with SIGKILL at random points of a
 * ~50k-row upload it never leaves a half revision: the server sees the client vanish
 * mid-body and stores nothing, or (killed once the body was sent) stores the whole new
 * draft with its one upload event. The label's draft is the previous one, intact, or
 * the whole new one, and the hash chain stays unbroken. The upload goes through a proxy
 * that carries it at 1 MiB/s, like a slow line, so that kills land inside it. The seed
 * is printed so that a failure can be replayed.
 */

const SEED = Number(process.env.RELIABILITY_SEED ?? 20_261_206);
const KILLS = 3;
const LINE_BYTES_PER_SECOND = 1024 * 1024;

let server: TTestServer;
let proxy: TThrottledProxy;
let uploader: TCliWorkspace;
let bundleDir: string;
let bundleBytes: number;

const pool = () => server.runtime.db.pool;
/** Where the server spools an upload while it arrives (removed when its request ends). */
const uploadsDir = () => path.join(server.workDir, 'tmp', 'uploads');

function startImport(label: string, versionId: string): ChildProcess {
  return spawnPlanning(
    ['import', '-i', bundleDir, '--version-id', versionId, '--label', label],
    uploader,
    'ignore',
  );
}

async function runImport(label: string, versionId: string): Promise<void> {
  const child = startImport(label, versionId);
  const [code] = (await once(child, 'exit')) as [number | null];
  expect(code).toBe(0);
}

async function uploadsInFlight(): Promise<number> {
  return existsSync(uploadsDir()) ? (await readdir(uploadsDir())).length : 0;
}

/** Backends of the test database doing something, other than the one asking. */
async function busyBackends(): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'",
  );
  return rows[0]!.n;
}

/** Resolves once the server receives the upload (its spool folder exists), or the process has ended. */
async function untilUploading(child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if ((await uploadsInFlight()) > 0) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The server has finished with the request: rolled back or committed, spool removed, no query running. */
async function waitForQuiet(): Promise<void> {
  for (let i = 0; i < 600 && ((await uploadsInFlight()) > 0 || (await busyBackends()) > 0); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await uploadsInFlight()).toBe(0);
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
  const { rows } = await pool().query<TRevision>(
    'SELECT id, revision, status, content_hash, version_id, row_counts FROM planning_input_sets WHERE label = $1 ORDER BY revision',
    [label],
  );
  return rows;
}

/** The rows stored for a revision hash to its content_hash, and match its row counts. */
async function expectWhole(revision: TRevision): Promise<void> {
  const client = await pool().connect();
  try {
    expect(await computeStoredContentHash(client, revision.id)).toBe(revision.content_hash);
  } finally {
    client.release();
  }
  for (const table of TABLE_NAMES) {
    const { rows } = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${TABLE_SPECS[table].dbTable} WHERE input_set_id = $1`,
      [revision.id],
    );
    expect(rows[0]!.n, table).toBe(revision.row_counts[table] ?? 0);
  }
}

async function uploadEvents(label: string): Promise<{ content_hash: string }[]> {
  const { rows } = await pool().query<{ content_hash: string }>(
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
  server = await startTestServer();
  proxy = await startThrottledProxy(server.baseUrl, LINE_BYTES_PER_SECOND);
  const planner = await server.createUserWithToken('planner');
  uploader = await cliWorkspace({ env: { PLANNING_HUB_URL: proxy.url, PLANNING_HUB_TOKEN: planner.token } });
  bundleDir = path.join(server.workDir, 'bundle-50k');
  await writeGeneratedBundle(bundleDir, 50_000);
  bundleBytes = 0;
  for (const file of await readdir(bundleDir)) bundleBytes += (await stat(path.join(bundleDir, file))).size;
});
afterAll(async () => {
  await uploader?.cleanup();
  await proxy?.close();
  await server?.close();
});

describe(`planning import killed with SIGKILL during its upload (seed ${SEED})`, () => {
  it('never leaves a half revision: the previous draft stays whole, or the new one is there whole with its event', async () => {
    // The whole import once through the CLI: its content hash, and how long upload and load take.
    const started = Date.now();
    await runImport('complete', 'full');
    const importMs = Date.now() - started;
    const uploadMs = (bundleBytes / LINE_BYTES_PER_SECOND) * 1000;
    const [whole] = await revisionsOf('complete');
    await expectWhole(whole!);

    await importDraft(pool(), 'killed', { versionId: 'before' });
    const [previous] = await revisionsOf('killed');
    const next = createSeededRandom(SEED);
    let committed = 0;
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < KILLS; attempt++) {
      const child = startImport('killed', `kill-${attempt}`);
      await untilUploading(child);
      // The first kill lands while the body is on its way, and the line drops with it: what the
      // killed CLI had already handed to the kernel (loopback buffers of several MiB) would
      // otherwise still arrive whole. The others land anywhere, up to the server storing it,
      // and the line stays up.
      const delay = Math.floor(next() * (attempt === 0 ? uploadMs * 0.5 : importMs));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      if (attempt === 0) proxy.cut();
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
      await waitForQuiet();
      // Counted once the line is quiet: what the killed CLI had already handed to the kernel
      // still reaches the server after its death, so only what arrived in the end decides.
      const isMidUpload = proxy.forwardedBytes() < bundleBytes;

      const revisions = await revisionsOf('killed');
      expect(revisions, `attempt ${attempt}, killed after ${delay} ms`).toHaveLength(1);
      const [draft] = revisions;
      expect(draft).toMatchObject({ id: previous!.id, revision: 1, status: 'draft' });
      expect([previous!.content_hash, whole!.content_hash]).toContain(draft!.content_hash);
      await expectWhole(draft!);
      const isCommitted = draft!.version_id === `kill-${attempt}`;
      // A body that never arrived whole is never stored.
      if (isMidUpload)
        expect(isCommitted, `attempt ${attempt}, killed mid-upload after ${delay} ms`).toBe(false);
      if (isCommitted) committed += 1;
      outcomes.push(
        `${delay} ms ${isMidUpload ? 'mid-upload' : 'after the upload'}: ${isCommitted ? 'committed' : 'rolled back'}`,
      );
      const events = await uploadEvents('killed');
      expect(events).toHaveLength(1 + committed);
      expect(events.at(-1)!.content_hash).toBe(draft!.content_hash);
      expect(await verifyEvents({ pool: pool(), label: 'killed' })).toMatchObject({
        ok: true,
        checked: 1 + committed,
      });
    }
    console.info(`reliability: CLI upload killed ${outcomes.join(', ')} (seed ${SEED})`);
    expect(outcomes[0]).toContain('mid-upload: rolled back');
    const { rows } = await pool().query(
      "SELECT count(*)::int AS n FROM planning_input_sets WHERE content_hash = ''",
    );
    expect(rows[0].n).toBe(0);

    // The label is not wedged: the next import goes through.
    await runImport('killed', 'after');
    const [final] = await revisionsOf('killed');
    expect(final).toMatchObject({ version_id: 'after', content_hash: whole!.content_hash });
  }, 240_000);
});
