import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText } from '@planning-hub/planner-files/encode-text';
import { createMemoryByteSource, type TByteSource } from '../bytes/byte-source';
import { detectEncoding, verdictFromSettled } from './detect-encoding';
import type { TEncodingChoice } from './encodings';
import { createEncodingMeter } from './settle-encoding-while-spooling';

const CHOICES: TEncodingChoice[] = ['auto', 'utf-8', 'shift_jis'];
const BOM = [0xef, 0xbb, 0xbf];

/** Lines of a bundle's CSV: ASCII, Japanese (incl. NEC specials and half-width kana), long ones. */
const TEXT_LINE = fc.oneof(
  fc.constantFrom('item_code,location_code,period,quantity', 'ITEM-0001,0042,2027-W01,193.82', '', 'a'),
  fc.constantFrom('部品①,東京DC,2027-W01,1', 'ｱｲｳ,個,pcs', '①②Ⅲ㈱', '表,ソ,能', '　全角スペース'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('個', 'A', ',', '\\', 'ｱ', '①', '~'), maxLength: 300 }),
);
/** Bytes that break one decoder or both: invalid UTF-8, lone Shift_JIS leads, UTF-16 BOMs. */
const BAD_BYTES = fc.constantFrom(
  [0xff],
  [0xff, 0xfe],
  [0x80],
  [0xe9, 0x83],
  [0x81],
  [0x81, 0x0a],
  [0xa0],
  [0xfd],
  [0xf0, 0x9f, 0x98],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
);

type TFile = { kind: string; bytes: Uint8Array };

const textOf = (lines: string[]) => lines.join('\n') + (lines.length > 0 ? '\n' : '');
const utf8File = fc
  .array(TEXT_LINE, { maxLength: 30 })
  .map((lines): TFile => ({ kind: 'utf-8', bytes: Buffer.from(textOf(lines)) }));
const utf8BomFile = utf8File.map(({ bytes }): TFile => ({
  kind: 'utf-8-bom',
  bytes: Buffer.concat([Buffer.from(BOM), bytes]),
}));
const cp932File = fc
  .array(TEXT_LINE, { maxLength: 30 })
  .map((lines): TFile => ({ kind: 'cp932', bytes: encodeText(textOf(lines), 'shift_jis') }));
/** A good file of either encoding with bad bytes inserted, or cut in the middle of a character. */
const brokenFile = fc
  .tuple(
    fc.oneof(utf8File, utf8BomFile, cp932File),
    fc.array(fc.tuple(fc.nat(), BAD_BYTES), { minLength: 1, maxLength: 3 }),
  )
  .map(([file, inserts]): TFile => {
    let bytes = Buffer.from(file.bytes);
    for (const [at, bad] of inserts) {
      const cut = bytes.length === 0 ? 0 : at % (bytes.length + 1);
      bytes = Buffer.concat([bytes.subarray(0, cut), Buffer.from(bad), bytes.subarray(cut)]);
    }
    return { kind: `broken ${file.kind}`, bytes };
  });
const randomFile = fc.uint8Array({ maxLength: 200 }).map((bytes): TFile => ({ kind: 'random', bytes }));
const ANY_FILE = fc.oneof(utf8File, utf8BomFile, cp932File, brokenFile, randomFile);

/** Cut points of a random chunking, as the network and busboy might deliver the bytes. */
const CUTS = fc.array(fc.nat(), { maxLength: 12 });

function chunksOf(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => (bytes.length === 0 ? 0 : cut % (bytes.length + 1))))].sort(
    (a, b) => a - b,
  );
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

function settle(chunks: Uint8Array[]) {
  const meter = createEncodingMeter();
  for (const chunk of chunks) meter.push(chunk);
  return meter.finish();
}

function spooledSource(bytes: Uint8Array, chunks: Uint8Array[], readChunkSize: number) {
  let reads = 0;
  const plain = createMemoryByteSource('demand.csv', bytes, readChunkSize);
  const source: TByteSource = {
    ...plain,
    open: () => {
      reads++;
      return plain.open();
    },
    settledEncoding: settle(chunks),
  };
  return { source, reads: () => reads };
}

describe('settling the encoding while spooling', () => {
  it('reaches the whole-file verdict for any chunking (UTF-8, BOM, CP932, broken), reading only to locate a failure', async () => {
    await fc.assert(
      fc.asyncProperty(ANY_FILE, CUTS, fc.integer({ min: 1, max: 64 }), async (file, cuts, readSize) => {
        const chunks = chunksOf(file.bytes, cuts);
        for (const choice of CHOICES) {
          const whole = await detectEncoding(
            createMemoryByteSource('demand.csv', file.bytes, readSize),
            choice,
          );
          const settled = verdictFromSettled(settle(chunks), choice);
          expect(settled, `${file.kind}, ${choice}`).toEqual(whole.isDecodable ? whole : null);
          const spooled = spooledSource(file.bytes, chunks, readSize);
          expect(await detectEncoding(spooled.source, choice)).toEqual(whole);
          if (whole.isDecodable) expect(spooled.reads()).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('settles the good files of each kind as their kind', () => {
    const cases = [
      { bytes: Buffer.from('a,b\n1,2\n'), auto: 'utf-8' },
      { bytes: Buffer.from([...BOM, ...Buffer.from('a\n部品\n')]), auto: 'utf-8-bom' },
      { bytes: encodeText('item_code\n部品①\nｱｲｳ\n', 'shift_jis'), auto: 'shift_jis' },
    ];
    for (const { bytes, auto } of cases) {
      for (let size = 1; size <= 4; size++) {
        const chunks = chunksOf(
          bytes,
          Array.from({ length: bytes.length }, (_, i) => i * size),
        );
        expect(verdictFromSettled(settle(chunks), 'auto')).toEqual({ isDecodable: true, encoding: auto });
      }
    }
  });

  it('a Shift_JIS lead byte at the end of a chunk is settled by the ASCII chunk after it', () => {
    // 0x81 0x40 is the ideographic space; 0x81 before a newline is no character.
    const valid = settle([Buffer.from('a,'), Buffer.from([0x81]), Buffer.from('@,b\nc,d\n')]);
    expect(valid).toEqual({ isUtf8: false, startsWithUtf8Bom: false, isShiftJis: true });
    const broken = settle([Buffer.from('a,'), Buffer.from([0x81]), Buffer.from('\nc,d\n')]);
    expect(broken.isShiftJis).toBe(false);
    const cutAtEnd = settle([Buffer.from('a,'), Buffer.from([0x81])]);
    expect(cutAtEnd.isShiftJis).toBe(false);
  });

  it('a UTF-8 character cut between chunks, and one cut off at the end of the file', () => {
    const bytes = Buffer.from('部品\n');
    expect(settle([bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5)]).isUtf8).toBe(true);
    expect(settle([bytes.subarray(0, 1), Buffer.from('x')]).isUtf8).toBe(false);
    expect(settle([Buffer.from('a\n'), bytes.subarray(0, 2)]).isUtf8).toBe(false);
  });
});
