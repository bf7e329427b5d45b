/** What a caller may ask for: detect, or force one encoding (`--encoding`, the upload field). */
export type TEncodingChoice = 'auto' | 'utf-8' | 'shift_jis';

/** What a file was read as, reported per file. */
export type TDetectedEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

/** The WHATWG decoder labels; `shift_jis` decodes CP932 (Windows-31J) including NEC/IBM extensions. */
export type TDecoderLabel = 'utf-8' | 'shift_jis';

export function decoderLabelOf(encoding: TDetectedEncoding): TDecoderLabel {
  return encoding === 'shift_jis' ? 'shift_jis' : 'utf-8';
}
