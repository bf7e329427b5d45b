import type { TTableName } from '@planning-hub/contracts/tables';
import type { TByteSource } from '../bytes/byte-source';
import { detectEncoding } from '../encoding/detect-encoding';
import type { TDetectedEncoding, TEncodingChoice } from '../encoding/encodings';
import { problemMessage, type TProblemList } from '../validation/problem-list';

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
  const params = {
    tried: verdict.tried.map((name) => LABEL_NAMES[name]).join(','),
    offset,
    encoding: LABEL_NAMES[label],
  };
  const isUtf16 = offset === 0 && /^(FF FE|FE FF)/.test(bytesHex);
  problems.add({
    code: 'undecodable_bytes',
    table,
    file: source.name,
    row: line,
    column: null,
    value: bytesHex,
    detail: isUtf16
      ? problemMessage('problem.undecodable_bytes.utf16', params)
      : problemMessage('problem.undecodable_bytes', params),
  });
  return null;
}
