import type { TTableName } from '@planning-hub/contracts/tables';
import { readAllBytes, type TByteSource } from '../bytes/byte-source';
import { decoderLabelOf, type TDetectedEncoding } from '../encoding/encodings';
import type { TProblemList } from '../validation/problem-list';
import { lineOfJsonError } from './json-cells';

/**
 * Reads and parses a JSON file whose encoding is known; reports
 * `unparsable_row` (with the line of the syntax error) and returns undefined
 * when it is too large or not JSON.
 */
export async function readJsonFile(options: {
  source: TByteSource;
  encoding: TDetectedEncoding;
  table: TTableName | null;
  maxBytes: number;
  problems: TProblemList;
}): Promise<{ value: unknown } | undefined> {
  const { source, table, maxBytes, problems } = options;
  const bytes = await readAllBytes(source, maxBytes);
  const fail = (row: number | null, message: string) => {
    problems.add({
      code: 'unparsable_row',
      table,
      file: source.name,
      row,
      column: null,
      value: null,
      message,
    });
    return undefined;
  };
  if (bytes === null) {
    return fail(
      null,
      `${source.name} is larger than ${Math.round(maxBytes / 2 ** 20)} MiB; send the tables as CSV files instead.`,
    );
  }
  const text = new TextDecoder(decoderLabelOf(options.encoding)).decode(bytes);
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const line = lineOfJsonError(text, error);
    const detail =
      error instanceof Error ? error.message.replace(/^Unexpected /, 'unexpected ') : 'invalid JSON';
    return fail(
      line,
      `${source.name} is not valid JSON${line === null ? '' : ` (line ${line})`}: ${detail}.`,
    );
  }
}
