import { describe, expect, it } from 'vitest';
import { createMemoryByteSource } from '../bytes/byte-source';
import { detectEncoding } from './detect-encoding';
import { encodeText } from '@planning-hub/planner-files/encode-text';

const bytesOf = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('detectEncoding', () => {
  it('reads plain ASCII and UTF-8 as utf-8, and tells a BOM apart', async () => {
    expect(await detectEncoding(createMemoryByteSource('a.csv', 'a,b\n1,2\n'), 'auto')).toEqual({
      isDecodable: true,
      encoding: 'utf-8',
    });
    expect(await detectEncoding(createMemoryByteSource('a.csv', 'a\n部品\n', 3), 'auto')).toEqual({
      isDecodable: true,
      encoding: 'utf-8',
    });
    const withBom = bytesOf([0xef, 0xbb, 0xbf], 'a\n部品\n');
    expect(await detectEncoding(createMemoryByteSource('a.csv', withBom, 2), 'auto')).toEqual({
      isDecodable: true,
      encoding: 'utf-8-bom',
    });
  });

  it('detects Shift_JIS (CP932, incl. NEC specials like ① = 0x8740) however the file is chunked', async () => {
    const sjis = encodeText('item_code\n部品①\nｱｲｳ\n', 'shift_jis');
    expect(Array.from(sjis.subarray(14, 16))).toEqual([0x87, 0x40]);
    for (const chunkSize of [1, 2, 3, 1024]) {
      expect(await detectEncoding(createMemoryByteSource('a.csv', sjis, chunkSize), 'auto')).toEqual({
        isDecodable: true,
        encoding: 'shift_jis',
      });
    }
  });

  it('finds a CP932 byte far down the file, not just in a sample', async () => {
    const lines = Array.from({ length: 90_000 }, (_, i) => `ITEM-${i},TOKYO,2027-W01,1`).join('\n');
    const source = createMemoryByteSource(
      'demand.csv',
      bytesOf(lines, '\n', encodeText('部品,東京,2027-W01,1\n', 'shift_jis')),
      1 << 16,
    );
    expect(await detectEncoding(source, 'auto')).toEqual({ isDecodable: true, encoding: 'shift_jis' });
  });

  it('reports undecodable bytes with their line and byte offset', async () => {
    const head = 'a,b\n1,2\n3,';
    const source = createMemoryByteSource('demand.csv', bytesOf(head, [0xff, 0xfe], ',4\n5,6\n'), 4);
    const verdict = await detectEncoding(source, 'auto');
    expect(verdict).toEqual({
      isDecodable: false,
      tried: ['utf-8', 'shift_jis'],
      failure: { line: 3, offset: head.length, bytesHex: 'FF', label: 'utf-8' },
    });
  });

  it('points at the start of a broken UTF-8 sequence deep in a long file', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `部品-${i},1`).join('\n');
    const broken = bytesOf(lines, '\nX', [0xe9, 0x83], 'Y\n');
    const verdict = await detectEncoding(createMemoryByteSource('demand.csv', broken, 1000), 'utf-8');
    expect(verdict.isDecodable).toBe(false);
    if (verdict.isDecodable) return;
    expect(verdict.failure).toMatchObject({
      line: 5001,
      offset: Buffer.byteLength(lines) + 2,
      label: 'utf-8',
    });
    expect(verdict.failure.bytesHex).toBe('E9 83 59');
  });

  it('follows an explicit encoding instead of detecting', async () => {
    const sjis = encodeText('部品\n', 'shift_jis');
    expect((await detectEncoding(createMemoryByteSource('a.csv', sjis), 'utf-8')).isDecodable).toBe(false);
    expect(await detectEncoding(createMemoryByteSource('a.csv', sjis), 'shift_jis')).toEqual({
      isDecodable: true,
      encoding: 'shift_jis',
    });
    // UTF-8 Japanese is not valid Shift_JIS: forcing it reports where it breaks.
    const forced = await detectEncoding(createMemoryByteSource('a.csv', 'ok\n日本語テキスト\n'), 'shift_jis');
    expect(forced).toMatchObject({
      isDecodable: false,
      tried: ['shift_jis'],
      failure: { line: 2, label: 'shift_jis' },
    });
  });

  it('reports a truncated character at the very end of the file', async () => {
    const verdict = await detectEncoding(
      createMemoryByteSource('a.csv', bytesOf('a\n', [0xe9, 0x83])),
      'utf-8',
    );
    expect(verdict).toMatchObject({ isDecodable: false, failure: { line: 2, offset: 2, bytesHex: 'E9 83' } });
  });
});
