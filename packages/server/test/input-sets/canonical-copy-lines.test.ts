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

  /** Whether createCanonicalCopyLines with checkKeyOrder takes every row of `rows`, cut into random chunks. */
  function acceptsAsKeyOrder(table: TTableName, rows: readonly TRow[], random: () => number): boolean {
    const columns = TABLE_SPECS[table].columns.map((c) => c.name);
    const copy = Buffer.from(
      rows.map((row) => `${columns.map((c) => copyText(row[c] ?? null)).join('\t')}\n`).join(''),
    );
    const lines = createCanonicalCopyLines(table, { checkKeyOrder: true });
    for (let start = 0; start < copy.length;) {
      const end = Math.min(copy.length, start + 1 + Math.floor(random() * 512));
      if (lines.push(copy.subarray(start, end)) === null) return false;
      start = end;
    }
    lines.end();
    return true;
  }

  it(`checks the rows' key order: never takes rows out of order, and takes sorted keys without escapes (seed ${SEED})`, () => {
    const random = createSeededRandom(SEED);
    for (const table of TABLE_NAMES.filter((t) => t !== 'params')) {
      const compare = compareRowsByKey(table);
      const key = TABLE_SPECS[table].key;
      for (let round = 0; round < 40; round++) {
        const rows = Array.from({ length: 60 }, () => randomRow(table, random)).sort(compare);
        const distinct = rows.filter((row, i) => i === 0 || compare(rows[i - 1]!, row) !== 0);
        const ascending = (list: readonly TRow[]) =>
          list.every((row, i) => i === 0 || compare(list[i - 1]!, row) < 0);
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
        expect(acceptsAsKeyOrder(table, plain, random)).toBe(true);
        // Out of order in any way (two rows swapped, a key repeated, shuffled): never taken.
        const swapped = [...distinct];
        const i = Math.floor(random() * swapped.length);
        const j = Math.floor(random() * swapped.length);
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        const shuffled = [...distinct].sort(() => random() - 0.5);
        for (const candidate of [swapped, rows, shuffled]) {
          if (acceptsAsKeyOrder(table, candidate, random)) expect(ascending(candidate)).toBe(true);
        }
      }
    }
  });

  it('checks key order column by column, a shorter key first, and gives up at an escape in a key', () => {
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
    expect(acceptsAsKeyOrder('demand', sorted, random)).toBe(true);
    expect(acceptsAsKeyOrder('demand', [sorted[1]!, sorted[0]!], random)).toBe(false);
    expect(acceptsAsKeyOrder('demand', [sorted[3]!, sorted[2]!], random)).toBe(false);
    expect(acceptsAsKeyOrder('demand', [sorted[2]!, sorted[2]!], random)).toBe(false);
    // A tab sorts before 'A' as a byte but its COPY escape (\t) after it: not decided, so not taken.
    expect(
      acceptsAsKeyOrder('demand', [demand('A\tB', 'L', '2027-01'), demand('AA', 'L', '2027-01')], random),
    ).toBe(false);
    // Escapes that differ only in their letter (\\n after \\t as COPY text, but 0x0a after 0x09): not taken either way.
    const newline = demand('X\nY', 'L', '2027-01');
    const tab = demand('X\tY', 'L', '2027-01');
    expect(acceptsAsKeyOrder('demand', [newline, tab], random)).toBe(false);
    expect(acceptsAsKeyOrder('demand', [tab, newline], random)).toBe(false);
    // A control byte below the tab where a cell ends: 'A' + 0x01 sorts after 'A' but its bytes before the tab.
    expect(
      acceptsAsKeyOrder('demand', [demand('A\u0001', 'L', '2027-01'), demand('A', 'M', '2027-01')], random),
    ).toBe(false);
  });

  it('refuses a stream that stops inside a row', () => {
    const lines = createCanonicalCopyLines('calendar');
    lines.push(Buffer.from('2027-01-01\t2027-01\ttrue\t7.50\n2027-01-02\t2027'));
    expect(() => lines.end()).toThrow(/ended inside a row/);
  });
});
