import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDiffKind } from '@planning-hub/contracts/api/diff';
import { TABLE_NAMES, TABLE_SPECS, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { createMemoryByteSource } from '@planning-hub/core/bytes/byte-source';
import { canonicalCell } from '@planning-hub/core/canonical/canonical-cell';
import { hashTables } from '@planning-hub/core/canonical/content-hash';
import { createSeededRandom } from '@planning-hub/core/generate/seeded-random';
import {
  DATA_TABLES,
  PERIOD_DAYS,
  arbitraryInputSet,
  tablesOf,
  writeBundleFiles,
  type TArbitraryInputSet,
  type TDataTable,
} from '../../../core/test/arbitrary-input-set';
import { computeDiffToCache } from '../../src/services/diff/compute-diff';
import { diffCachePaths, readAllDiffRows, type TDiffManifest } from '../../src/services/diff/diff-cache';
import { tableDiffCopySql } from '../../src/services/diff/diff-sql';
import { importBundle } from '../../src/services/input-sets/import-bundle';
import { markDraftReady } from '@planning-hub/test-support/diff-fixtures';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { systemActor } from '../../src/services/auth/actor';

/**
 * Diff properties over stored revisions (the diff runs in PostgreSQL, so there is no
 * in-memory form to test): for random valid sets a and b = edits of a, the diff of b
 * against a, applied to a, gives b (and the other way round), and a revision
 * compared with itself differs in no row.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: pg.Pool;
let cacheDir: string;
let runs = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'diff-property-'));
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
  await rm(cacheDir, { recursive: true, force: true });
});

const keyText = (table: TTableName, cells: Record<string, string | null>) =>
  TABLE_SPECS[table].key.map((k) => cells[k]).join('\u0001');

/** Columns an edit may change without breaking a cross-table rule (mix shares sum to 1; calendar periods stay covered). */
const CHANGEABLE: Record<TDataTable, readonly string[]> = {
  demand: ['quantity', 'uom'],
  capacity: ['available_hours'],
  mix: ['units_per_hour'],
  inventory: ['on_hand', 'safety_stock'],
  inbound: ['quantity'],
  period_metrics: ['value'],
  calendar: ['working', 'hours'],
};
/** Whether an edit may remove rows of a table or add rows to it. */
const RESHAPEABLE: Record<TDataTable, { drop: boolean; add: boolean }> = {
  demand: { drop: true, add: true },
  capacity: { drop: false, add: true },
  mix: { drop: false, add: false },
  inventory: { drop: true, add: true },
  inbound: { drop: true, add: true },
  period_metrics: { drop: true, add: true },
  calendar: { drop: true, add: true },
};

/** b: a with rows removed, values changed and rows added, taken from c (a set of the same granularity), still valid. */
function editSet(a: TArbitraryInputSet, c: TArbitraryInputSet, seed: number): TArbitraryInputSet {
  const next = createSeededRandom(seed);
  const tables = {} as Record<TDataTable, TRow[]>;
  for (const table of DATA_TABLES) {
    const donors = c.tables[table];
    const { drop, add } = RESHAPEABLE[table];
    const rows = new Map<string, TRow>();
    for (const row of a.tables[table]) {
      const isCalendarAnchor = table === 'calendar' && PERIOD_DAYS.includes(row['date']!);
      if (drop && !isCalendarAnchor && next() < 0.25) continue;
      const donor = donors.length > 0 && next() < 0.4 ? donors[Math.floor(next() * donors.length)]! : null;
      const changed = donor
        ? Object.fromEntries(CHANGEABLE[table].map((column) => [column, donor[column] ?? null]))
        : {};
      rows.set(keyText(table, row), { ...row, ...changed });
    }
    if (add) {
      for (const row of donors)
        if (!rows.has(keyText(table, row)) && next() < 0.5) rows.set(keyText(table, row), row);
    }
    tables[table] = [...rows.values()];
  }
  return { granularity: a.granularity, params: next() < 0.3 ? c.params : a.params, tables };
}

async function importSet(label: string, set: TArbitraryInputSet, seed: number): Promise<string> {
  const files = Object.entries(writeBundleFiles(set, seed)).map(([name, text]) =>
    createMemoryByteSource(name, text),
  );
  const report = await importBundle(
    { pool },
    {
      label,
      versionId: `seed-${seed}`,
      files,
      encoding: 'auto',
      allowInvalid: false,
      actor: systemActor('test:property'),
      entrypoint: 'cli',
      sourceKind: 'files',
    },
  );
  expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return report.contentHash!;
}

const DIFF_KINDS: readonly TDiffKind[] = ['removed', 'changed', 'added'];

/** Applies the diff's row files to `from`; checks every removed and changed row against what it replaces. */
async function applyDiff(
  from: Record<TTableName, TRow[]>,
  { paths, manifest }: { paths: ReturnType<typeof diffCachePaths>; manifest: TDiffManifest },
): Promise<Record<TTableName, TRow[]>> {
  const result = {} as Record<TTableName, TRow[]>;
  for (const table of TABLE_NAMES) {
    const types = Object.fromEntries(TABLE_SPECS[table].columns.map((c) => [c.name, c.type]));
    const rows = new Map(from[table].map((row) => [keyText(table, row), { ...row }]));
    const counts: Record<TDiffKind, number> = { added: 0, removed: 0, changed: 0 };
    for (const kind of DIFF_KINDS) {
      for await (const line of readAllDiffRows(paths, manifest, table, kind)) {
        counts[kind] += 1;
        const record = JSON.parse(line) as {
          key: TRow;
          values?: TRow;
          changes?: { column: string; old: string | null; new: string | null }[];
        };
        const key = keyText(table, record.key);
        if (kind === 'added') {
          expect(rows.has(key), `${table} ${key} added twice`).toBe(false);
          rows.set(key, { ...record.key, ...record.values });
          continue;
        }
        const row = rows.get(key);
        expect(row, `${table} ${key} ${kind} but not there`).toBeDefined();
        if (kind === 'removed') rows.delete(key);
        for (const change of record.changes ?? []) {
          const type = types[change.column]!;
          expect(canonicalCell(type, change.old)).toBe(canonicalCell(type, row![change.column] ?? null));
          expect(canonicalCell(type, change.new)).not.toBe(canonicalCell(type, change.old));
          row![change.column] = change.new;
        }
      }
    }
    const summary = manifest.summary.find((s) => s.table === table)!;
    expect(manifest.identical || summary.added === counts.added).toBe(true);
    expect({ removed: summary.removed, changed: summary.changed }).toEqual(
      manifest.identical ? { removed: 0, changed: 0 } : { removed: counts.removed, changed: counts.changed },
    );
    expect(summary.unchanged).toBe(from[table].length - counts.removed - counts.changed);
    result[table] = [...rows.values()];
  }
  return result;
}

async function diffOf(ref: string, against: string) {
  const paths = diffCachePaths(cacheDir, ref, against);
  return { paths, manifest: await computeDiffToCache({ pool }, { ref, against, paths }) };
}

/** Rows the diff SQL finds between a revision and itself: none, NULLs included. */
async function countSelfDiffRows(table: TTableName, inputSetId: number): Promise<number> {
  const copy = tableDiffCopySql(table, inputSetId, inputSetId);
  const query = copy.replace(/^COPY \(/, '').replace(/\) TO STDOUT$/, '');
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (${query}) AS differences`,
  );
  return rows[0]!.n;
}

describe('diff properties (docs/design.md section 6)', () => {
  it('applies diff(a, b) to a to get b and diff(b, a) to b to get a; a revision differs from itself in nothing', async () => {
    const pairs = arbitraryInputSet({ maxRows: 8 }).chain((a) =>
      fc.tuple(fc.constant(a), arbitraryInputSet({ maxRows: 8, granularity: a.granularity }), fc.integer()),
    );
    await fc.assert(
      fc.asyncProperty(pairs, async ([a, c, seed]) => {
        const b = editSet(a, c, seed);
        const label = `property_${++runs}`;
        const hashA = await importSet(label, a, seed);
        // What PostgreSQL stores hashes like the set itself: NUMERIC, BOOLEAN, JSONB and codes survive storage.
        expect(hashA).toBe(hashTables(tablesOf(a)));
        // A draft becomes ready only with its approve event (a trigger refuses a bare UPDATE).
        await markDraftReady(pool, label);
        const hashB = await importSet(label, b, seed ^ 0x5bd1e995);
        expect(hashB).toBe(hashTables(tablesOf(b)));

        const forward = await diffOf(`${label}@draft`, label);
        expect(forward.manifest.identical).toBe(hashA === hashB);
        expect(hashTables(await applyDiff(tablesOf(a), forward))).toBe(hashB);
        const backward = await diffOf(label, `${label}@draft`);
        expect(hashTables(await applyDiff(tablesOf(b), backward))).toBe(hashA);

        const { rows } = await pool.query<{ id: number }>(
          'SELECT id FROM planning_input_sets WHERE label = $1',
          [label],
        );
        for (const { id } of rows) {
          for (const table of TABLE_NAMES) expect(await countSelfDiffRows(table, id)).toBe(0);
        }
      }),
      { numRuns: 15 },
    );
  }, 180_000);
});
