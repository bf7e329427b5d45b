import type { TSettledEncoding } from '../encoding/encodings';

/**
 * A file of a bundle; `open` may be called again to read the bytes once more (e.g. to decode again).
 * `settledEncoding`: what a pass over the bytes as they were written found (an upload's spool);
 * with it the import does not read the file to settle its encoding.
 */
export type TByteSource = {
  name: string;
  size: number;
  open: () => AsyncIterable<Uint8Array>;
  settledEncoding?: TSettledEncoding;
};

/** A byte source over bytes (or text, written as UTF-8) held in memory, read in chunks of `chunkSize`. */
export function createMemoryByteSource(
  name: string,
  content: Uint8Array | string,
  chunkSize = 1 << 16,
): TByteSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.length,
    async *open() {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) {
        yield bytes.subarray(offset, Math.min(offset + chunkSize, bytes.length));
      }
    },
  };
}

/** Reads a whole source into one buffer, refusing past `maxBytes` (returns null then). */
export async function readAllBytes(source: TByteSource, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source.open()) {
    total += chunk.length;
    if (total > maxBytes) return null;
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
