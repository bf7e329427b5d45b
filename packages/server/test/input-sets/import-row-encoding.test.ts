import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { rowOfValues, type TValidRow } from '@planning-hub/core/bundle/row-batcher';
import { compareUtf8 } from '@planning-hub/core/canonical/compare-utf8';
import { createContentHasher } from '@planning-hub/core/canonical/content-hash';
import type { TSqlClient } from '../../src/database/transaction';
import { createCopyWriter } from '../../src/services/input-sets/copy-rows';
import { createStreamedHash } from '../../src/services/input-sets/streamed-table-hash';
import { copyTextValue } from '../../src/services/input-sets/table-sql';

/** Cells that take every path of the byte writers: plain ASCII, escapes, 2- and 3-byte UTF-8, surrogates. */
const AWKWARD = [
  'plain',
  '',
  'tab\there',
  'new\nline\r',
  'back\\slash',
  'quote " inside',
  '\u0001\u001f\u007f',
  'é ü ß',
  '部品-001 ｱ 東京',
  '\u2028\u2029',
  '\u{20b9f}\u{1f600}',
  'lone \ud800 high',
  'lone \udc00 low',
  'x'.repeat(70_000),
];

const rows: TValidRow[] = [
  ...AWKWARD.map((text, i): TValidRow => [`item-${text}`, `L${i}`, '2027-01', `${i}.5`, text]).sort((a, b) =>
    compareUtf8(a[0]!, b[0]!),
  ),
  ['~last', 'L', '2027-01', '0', null],
];

/** A client whose COPY stream keeps what it is sent. */
function collectingClient(chunks: Buffer[]): TSqlClient {
  const query = () =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
  return { query } as unknown as TSqlClient;
}

describe('the rows an import writes', () => {
  it('are the COPY text copyTextValue spells, byte for byte, whatever the cells hold', async () => {
    const chunks: Buffer[] = [];
    const writer = createCopyWriter(collectingClient(chunks), 42);
    await writer.write('demand', rows);
    await writer.write('demand', rows.slice(0, 2));
    await writer.finish();
    const expected = [...rows, ...rows.slice(0, 2)]
      .map((row) => `42\t${row.map((cell) => copyTextValue(cell)).join('\t')}\n`)
      .join('');
    expect(Buffer.concat(chunks).equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });

  it("hash like core's hasher over the same rows, and give up at a row out of key order", () => {
    const streamed = createStreamedHash();
    streamed.add('demand', rows.slice(0, 5));
    streamed.add('demand', rows.slice(5));
    const core = createContentHasher();
    for (const row of rows) core.update('demand', rowOfValues('demand', row));
    expect(streamed.take().leading?.digest()).toBe(core.digest());

    const unsorted = createStreamedHash();
    unsorted.add('demand', [rows[1]!, rows[0]!]);
    expect(unsorted.take()).toMatchObject({ leading: null, storedOutOfOrder: ['demand'] });
  });

  it("hold the later tables' lines until the hash reaches them, and leave a table out of order to be read back", () => {
    const calendar: TValidRow[] = [
      ['2027-01-01', '2027-01', 'false', null],
      ['2027-01-02', '2027-01', 'true', '7.5'],
    ];
    const capacity: TValidRow[] = [
      ['R2', '2027-01', '8'],
      ['R1', '2027-01', '0.25'],
    ];
    const mix: TValidRow[] = [['R1', 'item-plain', '1', '12.5']];
    const streamed = createStreamedHash();
    // The import's order: dependencies first, demand later.
    streamed.add('calendar', calendar);
    streamed.add('capacity', capacity);
    streamed.add('mix', mix);
    streamed.add('demand', rows);
    const taken = streamed.take();
    expect(taken.storedOutOfOrder).toEqual(['capacity']);
    expect(taken.laterLines?.has('capacity')).toBe(false);
    expect(taken.laterLines?.has('params')).toBe(false); // JSONB: always read back
    expect(taken.laterLines?.get('inventory')).toHaveLength(0); // no rows stored

    // What computeStoredContentHash does with it, capacity read back in key order.
    const hasher = taken.leading!;
    for (const table of TABLE_NAMES.slice(1)) {
      const lines = taken.laterLines?.get(table);
      if (lines) hasher.updateLines(table, lines);
      else if (table === 'capacity')
        for (const row of [capacity[1]!, capacity[0]!]) hasher.update(table, rowOfValues(table, row));
    }
    const core = createContentHasher();
    for (const row of rows) core.update('demand', rowOfValues('demand', row));
    for (const row of [capacity[1]!, capacity[0]!]) core.update('capacity', rowOfValues('capacity', row));
    for (const row of mix) core.update('mix', rowOfValues('mix', row));
    for (const row of calendar) core.update('calendar', rowOfValues('calendar', row));
    expect(hasher.digest()).toBe(core.digest());
  });
});
