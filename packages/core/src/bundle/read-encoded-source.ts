import type { TTableName } from '@planning-hub/contracts/tables';
import type { TByteSource } from '../bytes/byte-source';
import { detectEncoding } from '../encoding/detect-encoding';
import type { TDetectedEncoding, TEncodingChoice } from '../encoding/encodings';
import type { TProblemList } from '../validation/problem-list';

const LABEL_NAMES = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS' } as const;

/**
 * Detects a file's encoding over the whole file and records it; reports
 * `undecodable_bytes` (with line and byte offset) and returns null when the
 * file cannot be read as text.
 */
export async function detectSourceEncoding(options: {
  source: TByteSource;
  table: TTableName | null;
  choice: TEncodingChoice;
  problems: TProblemList;
  encodings: Record<string, string>;
}): Promise<TDetectedEncoding | null> {
  const { source, table, choice, problems, encodings } = options;
  const verdict = await detectEncoding(source, choice);
  if (verdict.isDecodable) {
    encodings[source.name] = verdict.encoding;
    return verdict.encoding;
  }
  const { line, offset, bytesHex, label } = verdict.failure;
  const tried = verdict.tried.map((name) => LABEL_NAMES[name]).join(' or ');
  const isUtf16 = offset === 0 && /^(FF FE|FE FF)/.test(bytesHex);
  const hint = isUtf16
    ? 'It looks like UTF-16: save it as "CSV UTF-8" instead.'
    : `Save it as UTF-8 (or Shift_JIS), or pick the right encoding.`;
  problems.add({
    code: 'undecodable_bytes',
    table,
    file: source.name,
    row: line,
    column: null,
    value: bytesHex,
    message: `${source.name} cannot be read as ${tried}: the bytes ${bytesHex} on line ${line} (byte offset ${offset}) are not valid ${LABEL_NAMES[label]}. ${hint}`,
  });
  return null;
}
