import { isAscii, isUtf8 } from 'node:buffer';
import type { TSettledEncoding } from './encodings';
import { completeUtf8Length, concatBytes } from './find-undecodable-bytes';

const EMPTY = new Uint8Array(0);

export type TEncodingMeter = {
  /** One chunk of the file, in order; the chunking does not change what `finish` says. */
  push: (chunk: Uint8Array) => void;
  /** After the last chunk. */
  finish: () => TSettledEncoding;
};

/**
 * Settles a file's encoding as its bytes go by (an upload being spooled, docs/design.md
 * section 2), so that the import reads the file once, to parse it: the same two whole-file
 * checks as scanDecodable (UTF-8 with node:buffer isUtf8, Shift_JIS with the fatal decoder
 * in stream mode), run side by side; each stops at its first invalid byte. A chunk of ASCII
 * bytes is valid in both and leaves neither mid-character, except after a Shift_JIS lead
 * byte left pending: the decoder gets the chunk's first byte then, which settles it.
 */
export function createEncodingMeter(): TEncodingMeter {
  const head: number[] = [];
  let isUtf8Valid = true;
  let utf8Carry: Uint8Array = EMPTY;
  let shiftJis: InstanceType<typeof TextDecoder> | null = new TextDecoder('shift_jis', { fatal: true });
  let isShiftJisPending = false;

  const pushShiftJis = (chunk: Uint8Array, isAsciiChunk: boolean) => {
    if (!shiftJis) return;
    try {
      if (!isAsciiChunk) {
        shiftJis.decode(chunk, { stream: true });
        isShiftJisPending = true;
      } else if (isShiftJisPending) {
        shiftJis.decode(chunk.subarray(0, 1), { stream: true });
        isShiftJisPending = false;
      }
    } catch {
      shiftJis = null;
    }
  };

  return {
    push(chunk) {
      if (chunk.length === 0) return;
      for (let i = 0; i < chunk.length && head.length < 3; i++) head.push(chunk[i]!);
      const isAsciiChunk = isAscii(chunk);
      if (isUtf8Valid && !(isAsciiChunk && utf8Carry.length === 0)) {
        const bytes = concatBytes(utf8Carry, chunk);
        const complete = completeUtf8Length(bytes);
        if (isUtf8(bytes.subarray(0, complete))) utf8Carry = bytes.slice(complete);
        else {
          isUtf8Valid = false;
          utf8Carry = EMPTY;
        }
      }
      pushShiftJis(chunk, isAsciiChunk);
    },
    finish() {
      let isShiftJis = shiftJis !== null;
      try {
        shiftJis?.decode();
      } catch {
        isShiftJis = false;
      }
      shiftJis = null;
      return {
        isUtf8: isUtf8Valid && utf8Carry.length === 0,
        startsWithUtf8Bom: head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf,
        isShiftJis,
      };
    },
  };
}
