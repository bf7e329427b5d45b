import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLE_SPECS, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { canonicalRowLine } from '@planning-hub/core/canonical/canonical-row-line';
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
  return value.replace(/[\\\t\n\r\b\f\v]/g, (c) => escapes[c]!);
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
          parts.push(Buffer.from(lines.push(copy.subarray(start, end))));
          start = end;
        }
        lines.end();
        expect(Buffer.concat(parts).toString('utf8')).toBe(expected);
      }
    }
  });

  it('refuses a stream that stops inside a row', () => {
    const lines = createCanonicalCopyLines('calendar');
    lines.push(Buffer.from('2027-01-01\t2027-01\ttrue\t7.50\n2027-01-02\t2027'));
    expect(() => lines.end()).toThrow(/ended inside a row/);
  });
});
