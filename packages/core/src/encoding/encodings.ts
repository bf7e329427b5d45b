/** What a caller may ask for: detect, or force one encoding (`--encoding`, the upload field). */
export type TEncodingChoice = 'auto' | 'utf-8' | 'shift_jis';

/** What a file was read as, reported per file. */
export type TDetectedEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

/** The WHATWG decoder labels; `shift_jis` decodes CP932 (Windows-31J) including NEC/IBM extensions. */
export type TDecoderLabel = 'utf-8' | 'shift_jis';

/**
 * What one pass over every byte of a file established, as the bytes went by (an upload's
 * spool, settle-encoding-while-spooling.ts): whether the whole file decodes as UTF-8 and as
 * Shift_JIS, and whether it starts with a UTF-8 BOM. Enough for every verdict of a decodable
 * file; an undecodable one is located by reading the file (detect-encoding.ts).
 */
export type TSettledEncoding = { isUtf8: boolean; startsWithUtf8Bom: boolean; isShiftJis: boolean };

export function decoderLabelOf(encoding: TDetectedEncoding): TDecoderLabel {
  return encoding === 'shift_jis' ? 'shift_jis' : 'utf-8';
}
