import { TABLE_NAMES, type TTableName } from '@planning-hub/contracts/tables';
import type { TEncodingChoice } from '../encoding/encodings';
import { createBundleContext, type TBundleContext } from '../validation/bundle-context';
import { createProblemList, type TProblemList } from '../validation/problem-list';
import type { TBundleSink } from './row-batcher';

/** What one processBundle call accumulates while it reads the tables. */
export type TBundleRun = {
  choice: TEncodingChoice;
  sink: TBundleSink;
  context: TBundleContext;
  problems: TProblemList;
  rowCounts: Record<TTableName, number>;
  encodings: Record<string, string>;
};

export function createBundleRun(choice: TEncodingChoice, sink: TBundleSink): TBundleRun {
  return {
    choice,
    sink,
    context: createBundleContext(),
    problems: createProblemList(),
    rowCounts: Object.fromEntries(TABLE_NAMES.map((table) => [table, 0])) as Record<TTableName, number>,
    encodings: {},
  };
}
