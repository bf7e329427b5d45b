import { describe, expect, it } from 'vitest';
import type { TProblem } from '@planning-hub/contracts/problems';
import { countProblems, groupProblemsByFile } from './group-problems';

function problem(overrides: Partial<TProblem>): TProblem {
  return {
    severity: 'error',
    code: 'wrong_type',
    table: 'demand',
    file: 'demand.csv',
    row: 2,
    column: 'quantity',
    value: 'abc',
    messageCode: 'problem.wrong_type.decimal',
    params: { text: 'abc' },
    message: "quantity 'abc' is not a number (plain decimal notation, e.g. 1234.5).",
    ...overrides,
  };
}

describe('groupProblemsByFile', () => {
  it('puts bundle-level problems first, then files with errors, then files with warnings only', () => {
    const groups = groupProblemsByFile([
      problem({ file: 'zeta.csv', table: null, severity: 'warning', code: 'unknown_file', row: null }),
      problem({ file: 'mix.csv', table: 'mix', row: 7 }),
      problem({ file: null, table: null, code: 'missing_file', row: null }),
      problem({ file: 'demand.csv', row: 9 }),
    ]);
    expect(groups.map((g) => g.file)).toEqual([null, 'demand.csv', 'mix.csv', 'zeta.csv']);
  });

  it('lists errors before warnings and orders by row within a file', () => {
    const [group] = groupProblemsByFile([
      problem({ row: 30, severity: 'warning', code: 'unknown_column' }),
      problem({ row: 12 }),
      problem({ row: 4 }),
    ]);
    expect(group?.problems.map((p) => [p.severity, p.row])).toEqual([
      ['error', 4],
      ['error', 12],
      ['warning', 30],
    ]);
    expect(group?.errorCount).toBe(2);
    expect(group?.warningCount).toBe(1);
  });

  it('falls back to the table name when a problem has no file', () => {
    const [group] = groupProblemsByFile([problem({ file: null, table: 'params', code: 'param_missing' })]);
    expect(group?.file).toBe('params');
  });
});

describe('countProblems', () => {
  it('counts errors and warnings', () => {
    expect(countProblems([problem({}), problem({ severity: 'warning' })])).toEqual({
      errors: 1,
      warnings: 1,
    });
  });
});
