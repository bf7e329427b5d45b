import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLE_SPECS, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { canonicalRowLine } from '@planning-hub/core/canonical/canonical-row-line';
import { compareRowsByKey } from '@planning-hub/core/canonical/compare-rows-by-key';
import { createSeededRandom } from '@planning-hub/core/generate/seeded-random';
import { createCanonicalCopyLines } from '../../src/services/input-sets/canonical-copy-lines';

const SEED = Number(process.env.TEST_SEED ?? 19);

const PIECES = [
  'A',
  'z',
  '0',
  '-',
  ' ',
  '"',
  '\\',
  '\t',
  '\n',
  '\r',
  '\b',
  '\f',
  '\v',
  '\u0001',
  '\u001f',
  '\u007f',
  '部品',
  'ｱ',
  '\u{20b9f}',
  '\u2028',
  ',',
  '[',
  'N',
];
/** NUMERIC text as PostgreSQL writes it, and a few values it can hold that are not plain decimals. */
const DECIMALS = [
  '0',
  '0.000',
  '-1.50',
  '100.50',
  '12345678901234567890.0001000',
  '7',
  '-0.0001',
  '10',
  '-10.10',
  'NaN',
  'Infinity',
  '-Infinity',
];

/** The characters COPY ... TO STDOUT escapes. */
const ESCAPED = /[\\\t\n\r\b\f\v]/g;

/** A value as COPY ... TO STDOUT writes it: the escapes PostgreSQL uses, \N for NULL. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  const escapes: Record<string, string> = {
    '\\': '\\\\',
    '\t': '\\t',
    '\n': '\\n',
    '\r': '\\r',
    '\b': '\\b',
    '\f': '\\f',
    '\v': '\\v',
  };
  return value.replace(ESCAPED, (c) => escapes[c]!);
}

function randomRow(table: TTableName, random: () => number): TRow {
  const row: TRow = {};
  for (const column of TABLE_SPECS[table].columns) {
    if (!column.required && random() < 0.2) row[column.name] = null;
    // selectRowsSql writes booleans as true/false.
    else if (column.type === 'boolean') row[column.name] = random() < 0.5 ? 'true' : 'false';
    else if (column.type === 'decimal') row[column.name] = DECIMALS[Math.floor(random() * DECIMALS.length)]!;
    else {
      let text = '';
      const length = Math.floor(random() * 6);
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      row[column.name] = text;
    }
  }
  return row;
}

describe('canonical lines from COPY text', () => {
  it(`are core's canonicalRowLine of every row, however the bytes are cut (seed ${SEED})`, () => {
    const random = createSeededRandom(SEED);
    for (const table of TABLE_NAMES.filter((t) => t !== 'params')) {
      const columns = TABLE_SPECS[table].columns.map((c) => c.name);
      const rows = Array.from({ length: 400 }, () => randomRow(table, random));
      const copy = Buffer.from(
        rows.map((row) => `${columns.map((c) => copyText(row[c] ?? null)).join('\t')}\n`).join(''),
      );
      const expected = rows.map((row) => `${canonicalRowLine(table, row)}\n`).join('');
      for (let round = 0; round < 5; round++) {
        const lines = createCanonicalCopyLines(table);
        const parts: Buffer[] = [];
        for (let start = 0; start < copy.length;) {
          const end = Math.min(copy.length, start + 1 + Math.floor(random() * (round === 0 ? 3 : 4096)));
          parts.push(Buffer.from(lines.push(copy.subarray(start, end))!));
          start = end;
        }
        lines.end();
        expect(Buffer.concat(parts).toString('utf8')).toBe(expected);
      }
    }
  });

  /**
   * The lines createCanonicalCopyLines with `inStoredOrder` gives for `rows` cut into random
   * chunks, or null when it gave up (the caller would read the rows in key order).
   */
  function linesInStoredOrder(table: TTableName, rows: readonly TRow[], random: () => number): string | null {
    const columns = TABLE_SPECS[table].columns.map((c) => c.name);
    const copy = Buffer.from(
      rows.map((row) => `${columns.map((c) => copyText(row[c] ?? null)).join('\t')}\n`).join(''),
    );
    const lines = createCanonicalCopyLines(table, { inStoredOrder: true });
    const parts: Buffer[] = [];
    for (let start = 0; start < copy.length;) {
      const end = Math.min(copy.length, start + 1 + Math.floor(random() * 512));
      const bytes = lines.push(copy.subarray(start, end));
      if (bytes === null) return null;
      parts.push(Buffer.from(bytes));
      start = end;
    }
    const rest = lines.end();
    if (rest === null) return null;
    parts.push(Buffer.from(rest));
    return Buffer.concat(parts).toString('utf8');
  }

  /** Core's canonical lines of `rows` in key order: what the hash must read. */
  function keyOrderedLines(table: TTableName, rows: readonly TRow[]): string {
    return [...rows]
      .sort(compareRowsByKey(table))
      .map((row) => `${canonicalRowLine(table, row)}\n`)
      .join('');
  }

  it(`in stored order: never gives lines out of key order, and puts sorted keys without escapes back in order when rows come early (seed ${SEED})`, () => {
    const random = createSeededRandom(SEED);
    for (const table of TABLE_NAMES.filter((t) => t !== 'params')) {
      const compare = compareRowsByKey(table);
      const key = TABLE_SPECS[table].key;
      for (let round = 0; round < 40; round++) {
        const rows = Array.from({ length: 60 }, () => randomRow(table, random)).sort(compare);
        const distinct = rows.filter((row, i) => i === 0 || compare(rows[i - 1]!, row) !== 0);
        // The same rows with every character COPY escapes, and the bytes below a tab, taken out of their keys.
        const unescaped = rows.map((row) => {
          const copy = { ...row };
          for (const k of key)
            copy[k] = [...(row[k] ?? '').replace(ESCAPED, '')].filter((c) => c >= '\t').join('');
          return copy;
        });
        const plain = unescaped
          .sort(compare)
          .filter((row, i) => i === 0 || compare(unescaped[i - 1]!, row) !== 0);
        expect(plain.length).toBeGreaterThan(1);
        expect(linesInStoredOrder(table, plain, random)).toBe(keyOrderedLines(table, plain));
        // Rows stored in room left in earlier pages come early: a few rows moved forward.
        const early = [...plain];
        for (let moved = 0; moved < 4; moved++) {
          const [row] = early.splice(Math.floor(random() * early.length), 1);
          early.splice(Math.floor(random() * early.length), 0, row!);
        }
        expect(linesInStoredOrder(table, early, random)).toBe(keyOrderedLines(table, plain));
        // Out of order in any way (two rows swapped, a key repeated, shuffled): key order, or given up.
        const swapped = [...distinct];
        const i = Math.floor(random() * swapped.length);
        const j = Math.floor(random() * swapped.length);
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        const shuffled = [...distinct].sort(() => random() - 0.5);
        for (const candidate of [swapped, shuffled]) {
          const lines = linesInStoredOrder(table, candidate, random);
          if (lines !== null) expect(lines).toBe(keyOrderedLines(table, distinct));
        }
        if (distinct.length < rows.length) expect(linesInStoredOrder(table, rows, random)).toBeNull();
      }
    }
  });

  it('in stored order: puts rows back column by column, a shorter key first, and gives up at a repeated key, an escape in a key, or a row too late', () => {
    const random = createSeededRandom(SEED);
    const demand = (item: string, location: string, period: string): TRow => ({
      item_code: item,
      location_code: location,
      period,
      quantity: '1',
      uom: null,
    });
    const sorted = [
      demand('A', 'Z', '2027-02'),
      demand('AB', 'A', '2027-01'),
      demand('AB', 'B', '2027-01'),
      demand('AB', 'B', '2027-02'),
    ];
    const inOrder = keyOrderedLines('demand', sorted);
    expect(linesInStoredOrder('demand', sorted, random)).toBe(inOrder);
    expect(linesInStoredOrder('demand', [sorted[1]!, sorted[0]!, sorted[2]!, sorted[3]!], random)).toBe(
      inOrder,
    );
    expect(linesInStoredOrder('demand', [sorted[3]!, sorted[0]!, sorted[1]!, sorted[2]!], random)).toBe(
      inOrder,
    );
    expect(linesInStoredOrder('demand', [sorted[2]!, sorted[2]!], random)).toBeNull();
    // A tab sorts before 'A' as a byte but its COPY escape (\t) after it: not decided, so given up.
    expect(
      linesInStoredOrder('demand', [demand('A\tB', 'L', '2027-01'), demand('AA', 'L', '2027-01')], random),
    ).toBeNull();
    // Escapes that differ only in their letter (\\n after \\t as COPY text, but 0x0a after 0x09): given up either way.
    const newline = demand('X\nY', 'L', '2027-01');
    const tab = demand('X\tY', 'L', '2027-01');
    expect(linesInStoredOrder('demand', [newline, tab], random)).toBeNull();
    expect(linesInStoredOrder('demand', [tab, newline], random)).toBeNull();
    // A control byte below the tab where a cell ends: 'A' + 0x01 sorts after 'A' but its bytes before the tab.
    expect(
      linesInStoredOrder('demand', [demand('A\u0001', 'L', '2027-01'), demand('A', 'M', '2027-01')], random),
    ).toBeNull();
    // A row held back until its place, 5,000 rows later; and a row that comes after 5,000 larger ones: too late.
    const many = Array.from({ length: 5002 }, (_, n) =>
      demand(`ITEM-${String(n).padStart(5, '0')}`, 'L', '2027-01'),
    );
    const held = [many[5001]!, ...many.slice(0, 5001)];
    expect(linesInStoredOrder('demand', held, random)).toBe(keyOrderedLines('demand', many));
    const late = [...many.slice(1), many[0]!];
    expect(linesInStoredOrder('demand', late, random)).toBeNull();
  });

  it(`in stored order: puts back rows that came hundreds of rows early, several held at once, across chunks (seed ${SEED})`, () => {
    const random = createSeededRandom(SEED);
    const rows = Array.from({ length: 3000 }, (_, n) => ({
      item_code: `ITEM-${String(Math.floor(n / 30)).padStart(4, '0')}`,
      location_code: n % 3 === 0 ? '0042' : '札幌DC',
      period: `2027-W${String(n % 30).padStart(2, '0')}`,
      quantity: `${n}.50`,
      uom: null,
    }));
    const sorted = [...rows].sort(compareRowsByKey('demand'));
    for (let round = 0; round < 10; round++) {
      const early = [...sorted];
      for (let moved = 0; moved < 30; moved++) {
        const from = 200 + Math.floor(random() * 2800);
        const [row] = early.splice(from, 1);
        early.splice(Math.max(0, from - 1 - Math.floor(random() * 2000)), 0, row!);
      }
      expect(linesInStoredOrder('demand', early, random)).toBe(keyOrderedLines('demand', sorted));
    }
  });

  it('refuses a stream that stops inside a row', () => {
    const lines = createCanonicalCopyLines('calendar');
    lines.push(Buffer.from('2027-01-01\t2027-01\ttrue\t7.50\n2027-01-02\t2027'));
    expect(() => lines.end()).toThrow(/ended inside a row/);
  });
});
