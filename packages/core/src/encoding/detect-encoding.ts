import type { TByteSource } from '../bytes/byte-source';
import type { TDecoderLabel, TDetectedEncoding, TEncodingChoice, TSettledEncoding } from './encodings';
import { scanDecodable, type TUndecodable } from './find-undecodable-bytes';

export type TEncodingVerdict =
  | { isDecodable: true; encoding: TDetectedEncoding }
  | { isDecodable: false; tried: TDecoderLabel[]; failure: TUndecodable & { label: TDecoderLabel } };

/**
 * Reads the whole file to find its encoding: UTF-8 (with or without BOM) first,
 * then Shift_JIS/CP932, unless the caller forces one. When nothing decodes, the
 * failure reported is the one of the decoder that got furthest into the file.
 * A file whose encoding was settled as its bytes were spooled (`settledEncoding`)
 * is read only to locate a failure.
 */
export async function detectEncoding(
  source: TByteSource,
  choice: TEncodingChoice,
): Promise<TEncodingVerdict> {
  const settled = source.settledEncoding ? verdictFromSettled(source.settledEncoding, choice) : null;
  if (settled) return settled;
  if (choice === 'shift_jis') {
    const scan = await scanDecodable(source, 'shift_jis');
    return scan.undecodable
      ? { isDecodable: false, tried: ['shift_jis'], failure: { ...scan.undecodable, label: 'shift_jis' } }
      : { isDecodable: true, encoding: 'shift_jis' };
  }
  const utf8 = await scanDecodable(source, 'utf-8');
  if (!utf8.undecodable)
    return { isDecodable: true, encoding: utf8.startsWithUtf8Bom ? 'utf-8-bom' : 'utf-8' };
  if (choice === 'utf-8') {
    return { isDecodable: false, tried: ['utf-8'], failure: { ...utf8.undecodable, label: 'utf-8' } };
  }
  const shiftJis = await scanDecodable(source, 'shift_jis');
  if (!shiftJis.undecodable) return { isDecodable: true, encoding: 'shift_jis' };
  const failure =
    utf8.undecodable.offset >= shiftJis.undecodable.offset
      ? { ...utf8.undecodable, label: 'utf-8' as const }
      : { ...shiftJis.undecodable, label: 'shift_jis' as const };
  return { isDecodable: false, tried: ['utf-8', 'shift_jis'], failure };
}

/**
 * The verdict detectEncoding reaches for `choice` by reading the file, from what a pass
 * over its bytes settled (settle-encoding-while-spooling.ts); null when the file does not
 * decode as asked: its failure is located by reading it.
 */
export function verdictFromSettled(
  settled: TSettledEncoding,
  choice: TEncodingChoice,
): TEncodingVerdict | null {
  if (choice === 'shift_jis') return settled.isShiftJis ? { isDecodable: true, encoding: 'shift_jis' } : null;
  if (settled.isUtf8)
    return { isDecodable: true, encoding: settled.startsWithUtf8Bom ? 'utf-8-bom' : 'utf-8' };
  if (choice === 'utf-8' || !settled.isShiftJis) return null;
  return { isDecodable: true, encoding: 'shift_jis' };
}
