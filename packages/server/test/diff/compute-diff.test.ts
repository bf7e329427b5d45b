import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDiffKind } from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import { createDatabaseClients } from '../../src/database/connect';
import { computeDiffToCache } from '../../src/services/diff/compute-diff';
import {
  diffCachePaths,
  readDiffManifest,
  readDiffRowsPage,
  type TDiffManifest,
} from '../../src/services/diff/diff-cache';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { createEditedPair, importRevision, markDraftReady } from '@planning-hub/test-support/diff-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: ReturnType<typeof createDatabaseClients>;
let cacheDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabaseClients(database.url, 4);
  cacheDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'diff-cache-')), 'tmp', 'input_set_diffs');
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
  await rm(path.dirname(path.dirname(cacheDir)), { recursive: true, force: true });
});

function diff(ref: string, against: string) {
  return computeDiffToCache(
    { pool: db.pool },
    { ref, against, paths: diffCachePaths(cacheDir, ref, against) },
  );
}

async function rowsOf(manifest: TDiffManifest, table: TTableName, kind: TDiffKind) {
  const paths = diffCachePaths(cacheDir, manifest.ref, manifest.against);
  return (await readDiffRowsPage(paths, manifest, { table, kind, offset: 0, limit: 1000 })).rows;
}

describe('computeDiffToCache', () => {
  let manifest: TDiffManifest;

  beforeAll(async () => {
    await createEditedPair(db.pool, 'weekly_refresh');
    manifest = await diff('weekly_refresh@draft', 'weekly_refresh');
  });

  it('gives exactly the known edits as per-table counts', () => {
    const counts = Object.fromEntries(
      manifest.summary.map((s) => [s.table, [s.added, s.removed, s.changed, s.unchanged]]),
    );
    expect(counts).toEqual({
      demand: [1, 1, 1, 1],
      capacity: [0, 0, 1, 1],
      mix: [0, 0, 0, 2],
      inventory: [0, 0, 1, 0],
      inbound: [0, 0, 0, 1],
      period_metrics: [1, 0, 1, 0],
      calendar: [0, 0, 1, 2],
      params: [0, 0, 1, 3],
    });
    expect(manifest.totals).toEqual({ added: 2, removed: 1, changed: 6, unchanged: 10 });
    expect(manifest).toMatchObject({
      ref: 'weekly_refresh@draft',
      against: 'weekly_refresh',
      refRevision: 2,
      againstRevision: 1,
      identical: false,
    });
    expect(manifest.summary.find((s) => s.table === 'demand')!.changedColumns).toEqual({
      quantity: 1,
      uom: 1,
    });
  });

  it('lists added and removed rows with their values, Japanese codes as typed', async () => {
    expect(await rowsOf(manifest, 'demand', 'added')).toEqual([
      {
        key: { item_code: '0123', location_code: 'OSAKA', period: '2027-01' },
        values: { quantity: '5', uom: null },
      },
    ]);
    expect(await rowsOf(manifest, 'demand', 'removed')).toEqual([
      {
        key: { item_code: '0123', location_code: 'OSAKA', period: '2027-02' },
        values: { quantity: '20', uom: null },
      },
    ]);
    expect(await rowsOf(manifest, 'period_metrics', 'added')).toEqual([
      { key: { period: '2027-02', metric: 'fx_rate' }, values: { value: '149.5' } },
    ]);
  });

  it('reports each changed column with old, new, exact delta and percent; 100.50 -> 100.5 is no change', async () => {
    expect(await rowsOf(manifest, 'demand', 'changed')).toEqual([
      {
        key: { item_code: '部品-001', location_code: '東京', period: '2027-02' },
        changes: [
          { column: 'quantity', old: '80', new: '100', delta: '20', percent: '25' },
          { column: 'uom', old: 'pcs', new: '個' },
        ],
      },
    ]);
    expect(await rowsOf(manifest, 'capacity', 'changed')).toEqual([
      {
        key: { resource_code: 'R1', period: '2027-01' },
        changes: [{ column: 'available_hours', old: '160', new: '176', delta: '16', percent: '10' }],
      },
    ]);
    expect(await rowsOf(manifest, 'inventory', 'changed')).toEqual([
      {
        key: { item_code: '部品-001', location_code: '東京' },
        changes: [{ column: 'on_hand', old: '5', new: '0', delta: '-5', percent: '-100' }],
      },
    ]);
    expect(await rowsOf(manifest, 'period_metrics', 'changed')).toEqual([
      {
        key: { period: '2027-01', metric: 'fx_rate' },
        changes: [{ column: 'value', old: '151.25', new: '150', delta: '-1.25', percent: '-0.8264' }],
      },
    ]);
    expect(await rowsOf(manifest, 'calendar', 'changed')).toEqual([
      {
        key: { date: '2027-01-04' },
        changes: [{ column: 'hours', old: '8', new: '7.5', delta: '-0.5', percent: '-6.25' }],
      },
    ]);
    expect(await rowsOf(manifest, 'params', 'changed')).toEqual([
      { key: { key: 'planner' }, changes: [{ column: 'value', old: '"山田"', new: '"佐藤"' }] },
    ]);
  });

  it('writes the runbook cache file, with both content hashes, atomically (no temp files left)', async () => {
    const paths = diffCachePaths(cacheDir, 'weekly_refresh@draft', 'weekly_refresh');
    expect(path.basename(paths.manifestFile)).toBe('weekly_refresh@draft__weekly_refresh.json');
    const read = await readDiffManifest(paths);
    expect(read.status).toBe('ok');
    const { rows } = await db.pool.query(
      "SELECT status, content_hash FROM planning_input_sets WHERE label = 'weekly_refresh'",
    );
    const hashes = Object.fromEntries(rows.map((r) => [r.status, r.content_hash]));
    expect(manifest.refHash).toBe(hashes.draft);
    expect(manifest.againstHash).toBe(hashes.ready);
    expect((await readdir(cacheDir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect((await readdir(paths.rowsRoot)).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('compares NUMERIC numerically: a stored 100.50 against 100.5 is no change', async () => {
    await importRevision(db.pool, 'scale_check');
    await markDraftReady(db.pool, 'scale_check');
    await importRevision(db.pool, 'scale_check', {}, 'again');
    // The import stores canonical decimals; write the trailing zero in directly to be sure the SQL compares numbers.
    await db.pool.query(
      `UPDATE planning_input_demand d SET quantity = '100.50'::numeric FROM planning_input_sets s
        WHERE d.input_set_id = s.id AND s.label = 'scale_check' AND s.status = 'ready' AND d.period = '2027-01'`,
    );
    await db.pool.query(
      `UPDATE planning_input_demand d SET quantity = '100.5000'::numeric FROM planning_input_sets s
        WHERE d.input_set_id = s.id AND s.label = 'scale_check' AND s.status = 'draft' AND d.period = '2027-01'`,
    );
    const { rows } = await db.pool.query(
      `SELECT s.status, d.quantity::text AS q FROM planning_input_demand d JOIN planning_input_sets s ON s.id = d.input_set_id
        WHERE s.label = 'scale_check' AND d.period = '2027-01' ORDER BY s.status`,
    );
    expect(rows).toEqual([
      { status: 'draft', q: '100.5000' },
      { status: 'ready', q: '100.50' },
    ]);
    // Different stored hashes would normally differ; force the comparison by making them unequal.
    await db.pool.query(
      "UPDATE planning_input_sets SET content_hash = repeat('0', 64) WHERE label = 'scale_check' AND status = 'draft'",
    );
    const result = await diff('scale_check@draft', 'scale_check');
    expect(result.identical).toBe(false);
    expect(result.totals).toMatchObject({ added: 0, removed: 0, changed: 0 });
  });

  it('compares keys exactly: a code in another Unicode normal form or width is another row', async () => {
    await importRevision(db.pool, 'key_check');
    await markDraftReady(db.pool, 'key_check');
    await importRevision(db.pool, 'key_check', {}, 'again');
    // ガ composed (U+30AC) on one side, decomposed (カ + U+3099) on the other; full-width Ａ vs A.
    await db.pool.query(
      `INSERT INTO planning_input_demand (input_set_id, item_code, location_code, period, quantity)
       SELECT id, CASE WHEN status = 'ready' THEN U&'\\30AC' ELSE U&'\\30AB\\3099' END, '東京', '2027-01', 1 FROM planning_input_sets WHERE label = 'key_check'
       UNION ALL
       SELECT id, CASE WHEN status = 'ready' THEN 'A-1' ELSE 'Ａ-1' END, '東京', '2027-01', 1 FROM planning_input_sets WHERE label = 'key_check'`,
    );
    await db.pool.query(
      "UPDATE planning_input_sets SET content_hash = repeat('0', 64) WHERE label = 'key_check' AND status = 'draft'",
    );
    const result = await diff('key_check@draft', 'key_check');
    const demand = result.summary.find((s) => s.table === 'demand')!;
    expect(demand).toMatchObject({ added: 2, removed: 2, changed: 0 });
    const added = (await rowsOf(result, 'demand', 'added')) as { key: { item_code: string } }[];
    expect(added.map((r) => r.key.item_code).sort()).toEqual(['\u30ab\u3099', 'Ａ-1'].sort());
  });

  it('answers equal content hashes at once without reading the tables', async () => {
    await importRevision(db.pool, 'same_content');
    await markDraftReady(db.pool, 'same_content');
    await importRevision(db.pool, 'same_content', {}, 'same-again');
    // If the diff read any table, it would fail on the renamed one.
    await db.pool.query('ALTER TABLE planning_input_demand RENAME TO planning_input_demand_away');
    try {
      const result = await diff('same_content@draft', 'same_content');
      expect(result.identical).toBe(true);
      expect(result.refHash).toBe(result.againstHash);
      expect(result.totals).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 17 });
      expect(result.rows.files).toEqual({});
    } finally {
      await db.pool.query('ALTER TABLE planning_input_demand_away RENAME TO planning_input_demand');
    }
  });

  it('pages large row files by seeking, in natural key order, bounded by the page', async () => {
    await importRevision(db.pool, 'paging');
    await markDraftReady(db.pool, 'paging');
    await importRevision(db.pool, 'paging', {}, 'more');
    await db.pool.query(
      `INSERT INTO planning_input_demand (input_set_id, item_code, location_code, period, quantity)
       SELECT s.id, 'P-' || lpad(g::text, 5, '0'), 'X', '2027-01', g FROM planning_input_sets s, generate_series(1, 2500) g
        WHERE s.label = 'paging' AND s.status = 'draft'`,
    );
    await db.pool.query(
      "UPDATE planning_input_sets SET content_hash = repeat('1', 64) WHERE label = 'paging' AND status = 'draft'",
    );
    const result = await diff('paging@draft', 'paging');
    const paths = diffCachePaths(cacheDir, 'paging@draft', 'paging');
    const page = (offset: number, limit: number) =>
      readDiffRowsPage(paths, result, { table: 'demand', kind: 'added', offset, limit });
    const codes = async (offset: number, limit: number) =>
      ((await page(offset, limit)).rows as { key: { item_code: string } }[]).map((r) => r.key.item_code);
    expect(result.rows.files.demand?.added?.offsets).toHaveLength(3);
    expect(await codes(0, 2)).toEqual(['P-00001', 'P-00002']);
    expect(await codes(998, 4)).toEqual(['P-00999', 'P-01000', 'P-01001', 'P-01002']);
    expect(await codes(2000, 1)).toEqual(['P-02001']);
    expect(await codes(2498, 10)).toEqual(['P-02499', 'P-02500']);
    expect((await page(2500, 10)).rows).toEqual([]);
    expect((await page(0, 1)).total).toBe(2500);
  });
});
