import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { to as copyTo } from 'pg-copy-streams';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLE_SPECS, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { compareRowsByKey } from '@planning-hub/core/canonical/compare-rows-by-key';
import { createSeededRandom } from '@planning-hub/core/generate/seeded-random';
import { VALID_BUNDLE } from '@planning-hub/test-support/bundle-files';
import { importRevision, markDraftReady } from '@planning-hub/test-support/diff-fixtures';
import { useTestPool } from '@planning-hub/test-support/test-database';
import { systemActor } from '../../src/services/auth/actor';
import { createCsvInKeyOrder } from '../../src/services/input-sets/csv-key-order';
import { exportBundleToFolder } from '../../src/services/input-sets/export-bundle';
import { selectRowsSql } from '../../src/services/input-sets/table-sql';

const SEED = Number(process.env.TEST_SEED ?? 19);
const PIECES = ['A', 'a', '0', '-', '+', ' ', '!', ',', '"', '\n', '\r', '部品', 'ｱ', '\u{20b9f}', '.'];

/** A value as `COPY ... (FORMAT csv)` writes it: quoted when it holds a comma, quote or line break, or is empty. */
function csvText(value: string | null): string {
  if (value === null) return '';
  return value === '' || /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvOf(table: TTableName, rows: readonly TRow[]): Buffer {
  const columns = TABLE_SPECS[table].columns.map((c) => c.name);
  const lines = rows.map((row) => columns.map((c) => csvText(row[c] ?? null)).join(','));
  return Buffer.from(`${[columns.join(','), ...lines].join('\n')}\n`);
}

function randomText(random: () => number, pieces: readonly string[]): string {
  let text = '';
  const length = 1 + Math.floor(random() * 5);
  for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

function randomRow(table: TTableName, random: () => number, keyPieces: readonly string[]): TRow {
  const key = TABLE_SPECS[table].key;
  const row: TRow = {};
  for (const column of TABLE_SPECS[table].columns) {
    if (key.includes(column.name)) row[column.name] = randomText(random, keyPieces);
    else if (!column.required && random() < 0.2) row[column.name] = null;
    else row[column.name] = randomText(random, PIECES);
  }
  return row;
}

/** What createCsvInKeyOrder gives for `rows` written as CSV and cut into random chunks; null when it gave up. */
function inKeyOrder(table: TTableName, rows: readonly TRow[], random: () => number): string | null {
  const csv = csvOf(table, rows);
  const mend = createCsvInKeyOrder(table);
  const parts: Buffer[] = [];
  for (let start = 0; start < csv.length;) {
    const end = Math.min(csv.length, start + 1 + Math.floor(random() * (random() < 0.3 ? 4 : 512)));
    const bytes = mend.push(csv.subarray(start, end));
    if (bytes === null) return null;
    parts.push(Buffer.from(bytes));
    start = end;
  }
  const rest = mend.end();
  if (rest === null) return null;
  parts.push(Buffer.from(rest));
  return Buffer.concat(parts).toString('utf8');
}

const CSV_TABLES = TABLE_NAMES.filter((t) => t !== 'params');

describe("an export's CSV put in key order", () => {
  it(`never gives rows out of key order, and puts back rows that came early when no key needs quotes, whatever the other fields hold (seed ${SEED})`, () => {
    const random = createSeededRandom(SEED);
    const plainPieces = PIECES.filter((p) => !/[",\n\r]/.test(p));
    for (const table of CSV_TABLES) {
      const compare = compareRowsByKey(table);
      const sortedCsv = (list: readonly TRow[]) => csvOf(table, [...list].sort(compare)).toString('utf8');
      const isDistinct = (list: readonly TRow[]) =>
        [...list].sort(compare).every((row, i, sorted) => i === 0 || compare(sorted[i - 1]!, row) !== 0);
      for (let round = 0; round < 40; round++) {
        const plain = Array.from({ length: 60 }, () => randomRow(table, random, plainPieces)).sort(compare);
        const distinct = plain.filter((row, i) => i === 0 || compare(plain[i - 1]!, row) !== 0);
        expect(inKeyOrder(table, distinct, random)).toBe(sortedCsv(distinct));
        // Rows stored in room left in earlier pages come early: a few rows moved forward.
        const early = [...distinct];
        for (let moved = 0; moved < 4; moved++) {
          const [row] = early.splice(Math.floor(random() * early.length), 1);
          early.splice(Math.floor(random() * early.length), 0, row!);
        }
        expect(inKeyOrder(table, early, random)).toBe(sortedCsv(distinct));

        const rows = Array.from({ length: 60 }, () => randomRow(table, random, PIECES)).sort(compare);
        const swapped = [...distinct];
        const i = Math.floor(random() * swapped.length);
        const j = Math.floor(random() * swapped.length);
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        const shuffled = [...rows].sort(() => random() - 0.5);
        for (const candidate of [swapped, plain, rows, shuffled]) {
          const csv = inKeyOrder(table, candidate, random);
          if (csv === null) continue;
          expect(isDistinct(candidate)).toBe(true);
          expect(csv).toBe(sortedCsv(candidate));
        }
      }
    }
  });

  it('compares field by field (a comma ends a field, below every byte a code holds), and gives up at a quoted key or a repeated one', () => {
    const random = createSeededRandom(SEED);
    const demand = (item: string, location: string): TRow => ({
      item_code: item,
      location_code: location,
      period: '2027-01',
      quantity: '1',
      uom: null,
    });
    // '+' (0x2b) is below the comma (0x2c): as bytes "A+,X" comes before "A,Y", as fields after it.
    const inOrder = csvOf('demand', [demand('A', 'Y'), demand('A+', 'X')]).toString('utf8');
    expect(inKeyOrder('demand', [demand('A', 'Y'), demand('A+', 'X')], random)).toBe(inOrder);
    expect(inKeyOrder('demand', [demand('A+', 'X'), demand('A', 'Y')], random)).toBe(inOrder);
    expect(inKeyOrder('demand', [demand('A', 'X'), demand('A', 'X')], random)).toBeNull();
    // A quoted key is not compared, so given up; a quoted field after the key is read past.
    expect(inKeyOrder('demand', [demand('A', 'X'), demand('B,C', 'X')], random)).toBeNull();
    expect(inKeyOrder('demand', [demand('A,C', 'X'), demand('A', 'X')], random)).toBeNull();
    const quotedUom = { ...demand('A', 'X'), uom: 'a "b",\nB,Z' };
    const withUom = csvOf('demand', [quotedUom, demand('B', 'X')]).toString('utf8');
    expect(inKeyOrder('demand', [quotedUom, demand('B', 'X')], random)).toBe(withUom);
    expect(inKeyOrder('demand', [demand('B', 'X'), quotedUom], random)).toBe(withUom);
  });
});

describe('an export of a revision, read in stored order', () => {
  const db = useTestPool();
  const actor = systemActor('cli:test');
  let scratch: string;

  beforeEach(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-export-order-'));
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  /** The table's CSV as PostgreSQL writes it from a key-ordered read: what the export must give. */
  async function keyOrderedCsv(label: string, table: TTableName): Promise<string> {
    const { rows } = await db.pool.query<{ id: number }>(
      "SELECT id FROM planning_input_sets WHERE label = $1 AND status = 'ready'",
      [label],
    );
    const client = await db.pool.connect();
    try {
      const chunks: Buffer[] = [];
      const copy = client.query(
        copyTo(`COPY (${selectRowsSql(table, rows[0]!.id)}) TO STDOUT WITH (FORMAT csv, HEADER true)`),
      );
      for await (const chunk of copy) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    } finally {
      client.release();
    }
  }

  it('writes every file in natural key order, whether the rows were stored in key order or not', async () => {
    const header = 'item_code,location_code,period,quantity,uom';
    const lines: string[] = [];
    for (let item = 0; item < 40; item++) {
      for (const location of ['OSAKA', '東京']) {
        for (const period of ['2027-01', '2027-02'])
          lines.push(`I-${String(item).padStart(3, '0')},${location},${period},${item}.5,pcs`);
      }
    }
    for (const [label, demandLines] of [
      ['order_sorted', lines],
      ['order_reversed', [...lines].reverse()],
      ['order_one_swap', [lines[1]!, lines[0]!, ...lines.slice(2)]],
    ] as const) {
      await importRevision(db.pool, label, { 'demand.csv': `${[header, ...demandLines].join('\n')}\n` });
      await markDraftReady(db.pool, label);
      const outDir = path.join(scratch, label);
      await exportBundleToFolder({ pool: db.pool }, { ref: label, outDir, actor });
      for (const table of ['demand', 'mix', 'calendar'] as const) {
        expect(await readFile(path.join(outDir, TABLE_SPECS[table].file), 'utf8'), `${label} ${table}`).toBe(
          await keyOrderedCsv(label, table),
        );
      }
    }
    // The bundle's own mix.csv is not in key order ('部品-001' before '0123'): exported in key order all the same.
    expect(VALID_BUNDLE['mix.csv']!.indexOf('部品-001')).toBeLessThan(
      VALID_BUNDLE['mix.csv']!.indexOf('0123'),
    );
  });
});
