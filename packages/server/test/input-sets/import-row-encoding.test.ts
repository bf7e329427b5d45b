import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { rowOfValues, type TValidRow } from '@planning-hub/core/bundle/row-batcher';
import { compareUtf8 } from '@planning-hub/core/canonical/compare-utf8';
import { createContentHasher } from '@planning-hub/core/canonical/content-hash';
import type { TSqlClient } from '../../src/database/transaction';
import { createCopyWriter } from '../../src/services/input-sets/copy-rows';
import { createStreamedLeadingHash } from '../../src/services/input-sets/streamed-table-hash';
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
    const streamed = createStreamedLeadingHash();
    streamed.add('demand', rows.slice(0, 5));
    streamed.add('demand', rows.slice(5));
    const core = createContentHasher();
    for (const row of rows) core.update('demand', rowOfValues('demand', row));
    expect(streamed.take()?.digest()).toBe(core.digest());

    const unsorted = createStreamedLeadingHash();
    unsorted.add('demand', [rows[1]!, rows[0]!]);
    expect(unsorted.take()).toBeNull();
  });
});
