import type { TByteSource } from '../bytes/byte-source';
import type { TDetectedEncoding } from './encodings';

/**
 * The file's bytes as UTF-8 Buffers (what readCsvRecords reads), for a file whose
 * encoding detectEncoding established: UTF-8 passes through untouched (minus
 * its BOM), Shift_JIS is decoded in stream mode and re-encoded.
 */
export async function* readAsUtf8(source: TByteSource, encoding: TDetectedEncoding): AsyncGenerator<Buffer> {
  if (encoding === 'shift_jis') {
    const decoder = new TextDecoder('shift_jis', { fatal: true });
    for await (const chunk of source.open()) {
      const text = decoder.decode(chunk, { stream: true });
      if (text.length > 0) yield Buffer.from(text, 'utf8');
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield Buffer.from(rest, 'utf8');
    return;
  }
  let bomBytesLeft = encoding === 'utf-8-bom' ? 3 : 0;
  for await (const chunk of source.open()) {
    let start = 0;
    if (bomBytesLeft > 0) {
      start = Math.min(bomBytesLeft, chunk.length);
      bomBytesLeft -= start;
    }
    if (start < chunk.length) yield Buffer.from(chunk.buffer, chunk.byteOffset + start, chunk.length - start);
  }
}
