/**
 * Bytes appended into one growing buffer, for text built row by row (COPY text,
 * canonical hash lines). Writing ASCII cells byte by byte is several times cheaper
 * than concatenating strings and encoding them (docs/performance.md, Import).
 */
export type TByteWriter = {
  bytes: Buffer;
  length: number;
};

export function createByteWriter(initialBytes = 1 << 18): TByteWriter {
  return { bytes: Buffer.allocUnsafe(initialBytes), length: 0 };
}

/** Makes room for `count` more bytes. */
export function reserveBytes(out: TByteWriter, count: number): void {
  if (out.length + count <= out.bytes.length) return;
  const grown = Buffer.allocUnsafe(Math.max(out.bytes.length * 2, out.length + count));
  out.bytes.copy(grown, 0, 0, out.length);
  out.bytes = grown;
}

/** Appends a string's UTF-8 bytes. */
export function writeUtf8(out: TByteWriter, text: string): void {
  reserveBytes(out, text.length * 3);
  out.length += out.bytes.write(text, out.length, 'utf8');
}

/** Appends ASCII bytes (each < 0x80) known at the call site, e.g. a separator. */
export function writeAsciiByte(out: TByteWriter, byte: number): void {
  reserveBytes(out, 1);
  out.bytes[out.length++] = byte;
}

/**
 * Writes one UTF-16 unit from U+0080 up as UTF-8 at `pos` (2 or 3 bytes) and returns
 * the position after it; -1 for a surrogate, which the caller leaves to Buffer.write.
 */
export function writeNonAsciiUnit(bytes: Buffer, pos: number, code: number): number {
  if (code < 0x800) {
    bytes[pos] = 0xc0 | (code >> 6);
    bytes[pos + 1] = 0x80 | (code & 0x3f);
    return pos + 2;
  }
  if (code >= 0xd800 && code < 0xe000) return -1;
  bytes[pos] = 0xe0 | (code >> 12);
  bytes[pos + 1] = 0x80 | ((code >> 6) & 0x3f);
  bytes[pos + 2] = 0x80 | (code & 0x3f);
  return pos + 3;
}
