import { problemMessage, type TProblemInput, type TProblemMessage } from '../validation/problem-list';
import { MAX_PARAMS_BYTES } from './bundle-limits';

/** The params as a whole cannot be read as settings: no row or column to name, only the file. */
export function unreadableParams(file: string, detail: TProblemMessage): TProblemInput {
  return { code: 'unparsable_row', table: 'params', file, row: null, column: null, value: null, detail };
}

/** params.csv, params.json or input_set.json's "params" over MAX_PARAMS_BYTES: refused, not read. */
export function paramsTooLarge(
  file: string,
  messageCode: 'problem.unparsable_row.params_too_large' | 'problem.unparsable_row.json_params_too_large',
): TProblemInput {
  return unreadableParams(file, problemMessage(messageCode, { maxMiB: MAX_PARAMS_BYTES / 2 ** 20 }));
}
