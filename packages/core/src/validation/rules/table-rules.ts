import type { TProblemCode } from '@planning-hub/contracts/problems';
import type { TTableSpec } from '@planning-hub/contracts/tables';
import type { TBundleContext } from '../bundle-context';
import type { TProblemInput, TProblemMessage } from '../problem-list';

/** Canonical cell values of a row in spec column order; `undefined` where the cell was invalid. */
export type TRowValues = readonly (string | null | undefined)[];

/** Reports a problem on the row being checked (table, file and line are filled in). */
export type TRowReport = (
  code: TProblemCode,
  column: string | null,
  value: string | null,
  detail: TProblemMessage,
) => void;

export type TTableReport = (problem: Omit<TProblemInput, 'table' | 'file'>) => void;

/** The rules of one table beyond its column types: cross-table checks and aggregates. */
export type TTableRules = {
  checkRow?: (values: TRowValues, line: number | null, report: TRowReport) => void;
  finish?: (report: TTableReport) => void;
};

export type TRulesInput = { context: TBundleContext; spec: TTableSpec; presentColumns: ReadonlySet<string> };

export type TRulesFactory = (input: TRulesInput) => TTableRules;

export function columnIndex(spec: TTableSpec, name: string): number {
  const index = spec.columns.findIndex((column) => column.name === name);
  if (index === -1) throw new Error(`${spec.name} has no column '${name}'.`);
  return index;
}
