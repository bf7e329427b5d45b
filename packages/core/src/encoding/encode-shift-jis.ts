let reverseMap: Map<number, number> | null = null;

/**
 * Node has no Shift_JIS encoder; this builds the reverse of the WHATWG decoder
 * (CP932) once, by decoding every double-byte code. Used to write the SJIS
 * sample bundle and tests; the first code wins where CP932 maps two codes to
 * one character (NEC/IBM duplicates), as Windows does.
 */
function buildReverseMap(): Map<number, number> {
  const decoder = new TextDecoder('shift_jis');
  const map = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const text = decoder.decode(pair);
      const codePoint = text.codePointAt(0);
      if (text.length !== 1 || codePoint === undefined || codePoint === 0xfffd || map.has(codePoint))
        continue;
      map.set(codePoint, (lead << 8) | trail);
    }
  }
  for (let byte = 0xa1; byte <= 0xdf; byte++) map.set(0xff61 + (byte - 0xa1), byte);
  return map;
}

/** Encodes text as Shift_JIS (CP932); throws on a character CP932 cannot hold. */
export function encodeShiftJis(text: string): Uint8Array {
  reverseMap ??= buildReverseMap();
  const bytes: number[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x80) {
      bytes.push(codePoint);
      continue;
    }
    const code = reverseMap.get(codePoint);
    if (code === undefined) {
      throw new Error(`'${char}' (U+${codePoint.toString(16).toUpperCase()}) has no Shift_JIS code.`);
    }
    if (code > 0xff) bytes.push(code >> 8, code & 0xff);
    else bytes.push(code);
  }
  return Uint8Array.from(bytes);
}
