import { isUtf8 } from 'node:buffer';
import type { TByteSource } from '../bytes/byte-source';
import type { TDecoderLabel } from './encodings';

/** Where a file stops decoding: 1-based line, 0-based byte offset from the start of the file, the bytes in hex. */
export type TUndecodable = { line: number; offset: number; bytesHex: string };

export type TDecodeScan = { startsWithUtf8Bom: boolean; undecodable: TUndecodable | null };

/** Longest line tail kept to locate an error; a longer line is located from its last MiB. */
const MAX_KEPT_LINE_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const EMPTY = new Uint8Array(0);

/**
 * Decodes the WHOLE source with a fatal decoder in stream mode (a CP932 byte on
 * line 90,000 must still be found), keeping only the bytes of the current line.
 * Memory stays bounded; the decoded text is dropped. On the first invalid byte
 * sequence it locates the line and byte offset; a newline byte is never part of
 * a multi-byte sequence in UTF-8 or Shift_JIS, so lines decode on their own.
 */
export async function scanDecodable(source: TByteSource, label: TDecoderLabel): Promise<TDecodeScan> {
  if (label === 'utf-8') {
    const fast = await scanUtf8Quickly(source);
    if (fast.isValid) return { startsWithUtf8Bom: fast.startsWithUtf8Bom, undecodable: null };
  }
  return scanWithDecoder(source, label);
}

/**
 * UTF-8 validation at memory speed (node:buffer isUtf8, as strict as the fatal
 * decoder); the decoder pass runs only to locate an error.
 */
async function scanUtf8Quickly(
  source: TByteSource,
): Promise<{ isValid: boolean; startsWithUtf8Bom: boolean }> {
  let carry: Uint8Array = EMPTY;
  const head: number[] = [];
  for await (const chunk of source.open()) {
    for (let i = 0; i < chunk.length && head.length < 3; i++) head.push(chunk[i]!);
    const bytes = concatBytes(carry, chunk);
    const complete = completeUtf8Length(bytes);
    if (!isUtf8(bytes.subarray(0, complete))) return { isValid: false, startsWithUtf8Bom: false };
    carry = bytes.slice(complete);
  }
  return { isValid: carry.length === 0, startsWithUtf8Bom: isUtf8Bom(head) };
}

/** Length of `bytes` without a multi-byte sequence cut off at its end (left for the next chunk). */
export function completeUtf8Length(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(4, length); back++) {
    const byte = bytes[length - back]!;
    if (byte < 0x80) return length;
    if (byte < 0xc0) continue;
    const sequenceLength = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return sequenceLength > back ? length - back : length;
  }
  return length;
}

async function scanWithDecoder(source: TByteSource, label: TDecoderLabel): Promise<TDecodeScan> {
  const decoder = new TextDecoder(label, { fatal: true });
  let offset = 0;
  let lineStart = 0;
  let lineBytes: Uint8Array = EMPTY;
  const head: number[] = [];
  for await (const chunk of source.open()) {
    for (let i = 0; i < chunk.length && head.length < 3; i++) head.push(chunk[i]!);
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      const region = concatBytes(lineBytes, chunk);
      return {
        startsWithUtf8Bom: isUtf8Bom(head),
        undecodable: await locate(source, label, region, lineStart, false),
      };
    }
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    if (lastNewline === -1) {
      lineBytes = concatBytes(lineBytes, chunk);
      if (lineBytes.length > MAX_KEPT_LINE_BYTES) {
        const dropped = lineBytes.length - MAX_KEPT_LINE_BYTES;
        lineBytes = lineBytes.slice(dropped);
        lineStart += dropped;
      }
    } else {
      lineStart = offset + lastNewline + 1;
      lineBytes = chunk.slice(lastNewline + 1);
    }
    offset += chunk.length;
  }
  try {
    decoder.decode();
  } catch {
    return {
      startsWithUtf8Bom: isUtf8Bom(head),
      undecodable: await locate(source, label, lineBytes, lineStart, true),
    };
  }
  return { startsWithUtf8Bom: isUtf8Bom(head), undecodable: null };
}

function isUtf8Bom(head: number[]): boolean {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/** Finds the first bad sequence in `region` (which starts at a line start, absolute offset `regionStart`). */
async function locate(
  source: TByteSource,
  label: TDecoderLabel,
  region: Uint8Array,
  regionStart: number,
  isEndOfFile: boolean,
): Promise<TUndecodable> {
  let lineOffset = 0;
  while (lineOffset < region.length) {
    const newline = region.indexOf(NEWLINE, lineOffset);
    const lineEnd = newline === -1 ? region.length : newline + 1;
    const line = region.subarray(lineOffset, lineEnd);
    const isLastLine = lineEnd === region.length;
    const bad = findBadSequence(line, label, isLastLine && isEndOfFile);
    if (bad !== null) {
      const absolute = regionStart + lineOffset + bad.start;
      return {
        line: 1 + (await countNewlinesBefore(source, regionStart + lineOffset)),
        offset: absolute,
        bytesHex: toHex(line.subarray(bad.start, bad.end)),
      };
    }
    lineOffset = lineEnd;
  }
  // The decoder failed on bytes this scan cannot see again (the source changed while read).
  return { line: 1 + (await countNewlinesBefore(source, regionStart)), offset: regionStart, bytesHex: '' };
}

function decodes(bytes: Uint8Array, label: TDecoderLabel, isStream: boolean): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes, { stream: isStream });
    return true;
  } catch {
    return false;
  }
}

/** The bad sequence of one line: [start, end) of the bytes that cannot be decoded, or null. */
function findBadSequence(
  line: Uint8Array,
  label: TDecoderLabel,
  mustBeComplete: boolean,
): { start: number; end: number } | null {
  if (decodes(line, label, !mustBeComplete)) return null;
  if (decodes(line, label, true)) {
    // Only the end is incomplete (a truncated character at the end of the file).
    const start = lastCompleteBoundary(line, label, line.length);
    return { start, end: line.length };
  }
  // The shortest failing prefix ends with the byte at which decoding fails.
  let low = 1;
  let high = line.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (decodes(line.subarray(0, middle), label, true)) low = middle + 1;
    else high = middle;
  }
  const start = lastCompleteBoundary(line, label, low - 1);
  return { start, end: low };
}

/** Where the bad sequence starts: the last index <= `at` (at most 3 back) before which the bytes decode completely. */
function lastCompleteBoundary(line: Uint8Array, label: TDecoderLabel, at: number): number {
  for (let start = at; start >= Math.max(0, at - 3); start--) {
    if (decodes(line.subarray(0, start), label, false)) return start;
  }
  return at;
}

async function countNewlinesBefore(source: TByteSource, end: number): Promise<number> {
  let count = 0;
  let offset = 0;
  for await (const chunk of source.open()) {
    const limit = Math.min(chunk.length, end - offset);
    for (let i = chunk.indexOf(NEWLINE); i !== -1 && i < limit; i = chunk.indexOf(NEWLINE, i + 1)) count++;
    offset += chunk.length;
    if (offset >= end) break;
  }
  return count;
}

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4), (byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(
    ' ',
  );
}
