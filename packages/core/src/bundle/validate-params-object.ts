import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { MAX_JSON_DEPTH, jsonDepth } from '../values/check-json-value';
import type { TBundleContext } from '../validation/bundle-context';
import { problemMessage, type TProblemList } from '../validation/problem-list';
import { createTableValidator } from '../validation/table-validator';
import { isPlainObject } from './json-cells';
import { orderParamsFirst } from './order-params';
import { unreadableParams } from './params-problems';
import type { TRowBatcher } from './row-batcher';

/**
 * Params given as one JSON object `{key: value}` (params.json, or "params" of
 * input_set.json). Its entries have no line of their own: problems name the key.
 */
export function validateParamsObject(options: {
  params: unknown;
  file: string;
  context: TBundleContext;
  problems: TProblemList;
  batcher: TRowBatcher;
}): void {
  const { params, file, problems } = options;
  const spec = TABLE_SPECS.params;
  if (!isPlainObject(params)) {
    problems.add(unreadableParams(file, problemMessage('problem.unparsable_row.params_not_object', {})));
    return;
  }
  const validator = createTableValidator({
    spec,
    file,
    context: options.context,
    problems,
    presentColumns: new Set(['key', 'value']),
    isComplete: true,
    granularity: null,
    onValidRow: options.batcher.add,
  });
  for (const [key, value] of orderParamsFirst(Object.entries(params), ([entryKey]) => entryKey)) {
    if (jsonDepth(value) > MAX_JSON_DEPTH) {
      problems.add({
        code: 'param_invalid',
        table: 'params',
        file,
        row: null,
        column: 'value',
        value: key,
        detail: problemMessage('problem.param_invalid.too_deep', { key, max: MAX_JSON_DEPTH }),
      });
      validator.validateRow([key, undefined], null, true);
      continue;
    }
    validator.validateRow([key, JSON.stringify(value)], null);
  }
  validator.finish();
}
