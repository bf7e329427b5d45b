import type { TFileEncoding } from './csv-records';

let shiftJisCodes: Map<number, number> | null = null;

/**
 * The reverse of the browser's Shift_JIS decoder (WHATWG, that is CP932), built once by
 * decoding every double-byte code (Node and browsers have no Shift_JIS encoder): the first
 * code wins where CP932 maps two codes to one character (NEC/IBM duplicates), as Windows
 * does. The one Shift_JIS encoder of the repository: the SPA, the CLI, the sample bundles
 * and the tests all write with it.
 */
function buildShiftJisCodes(): Map<number, number> {
  const decoder = new TextDecoder('shift_jis');
  const codes = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const text = decoder.decode(pair);
      const codePoint = text.codePointAt(0);
      if (text.length !== 1 || codePoint === undefined || codePoint === 0xfffd || codes.has(codePoint))
        continue;
      codes.set(codePoint, (lead << 8) | trail);
    }
  }
  for (let byte = 0xa1; byte <= 0xdf; byte++) codes.set(0xff61 + (byte - 0xa1), byte);
  return codes;
}

function shiftJisCodeOf(codePoint: number): number | undefined {
  if (codePoint < 0x80) return codePoint;
  shiftJisCodes ??= buildShiftJisCodes();
  return shiftJisCodes.get(codePoint);
}

/** The first character `text` cannot be written in, or null: only Shift_JIS lacks characters. */
export function findUnencodableCharacter(text: string, encoding: TFileEncoding): string | null {
  if (encoding !== 'shift_jis') return null;
  for (const char of text) if (shiftJisCodeOf(char.codePointAt(0)!) === undefined) return char;
  return null;
}

/**
 * Text as the bytes of the file's encoding (no BOM: a file keeps its own at its start).
 * A character Shift_JIS lacks throws, or is written as `replacement` when one is given.
 */
export function encodeText(text: string, encoding: TFileEncoding, replacement?: string): Uint8Array {
  if (encoding !== 'shift_jis') return new TextEncoder().encode(text);
  const bytes: number[] = [];
  for (const char of text) {
    const code =
      shiftJisCodeOf(char.codePointAt(0)!) ??
      (replacement === undefined ? undefined : shiftJisCodeOf(replacement.codePointAt(0)!));
    if (code === undefined) throw new Error(`'${char}' has no Shift_JIS code.`);
    if (code > 0xff) bytes.push(code >> 8, code & 0xff);
    else bytes.push(code);
  }
  return Uint8Array.from(bytes);
}
