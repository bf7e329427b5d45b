import type { TTableName } from '@planning-hub/contracts/tables';
import { readAllBytes, type TByteSource } from '../bytes/byte-source';
import { decoderLabelOf, type TDetectedEncoding } from '../encoding/encodings';
import { createJsonScanner, JsonSyntaxError } from '../json/json-scanner';
import { problemMessage, type TProblemList, type TProblemMessage } from '../validation/problem-list';
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
  const fail = (row: number | null, detail: TProblemMessage) => {
    problems.add({
      code: 'unparsable_row',
      table,
      file: source.name,
      row,
      column: null,
      value: null,
      detail,
    });
    return undefined;
  };
  if (bytes === null) {
    return fail(
      null,
      problemMessage('problem.unparsable_row.json_file_too_large', {
        maxMiB: Math.round(maxBytes / 2 ** 20),
      }),
    );
  }
  const text = new TextDecoder(decoderLabelOf(options.encoding)).decode(bytes);
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    // The scanner of input_set.json says what is wrong in the catalog's words (and languages).
    const syntaxError = findJsonSyntaxError(text);
    if (syntaxError) return fail(syntaxError.line, syntaxError.detail);
    const line = lineOfJsonError(text, error);
    const detail =
      error instanceof Error ? error.message.replace(/^Unexpected /, 'unexpected ') : 'invalid JSON';
    return fail(
      line,
      line === null
        ? problemMessage('problem.unparsable_row.json_invalid.no_line', { detail })
        : problemMessage('problem.unparsable_row.json_invalid', { detail }),
    );
  }
}

/** The first syntax error of a JSON text, as the JSON scanner finds it; null if it finds none. */
function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = createJsonScanner({});
  try {
    scanner.push(Buffer.from(text, 'utf8'));
    scanner.end();
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
}
