import { describe, expect, it } from 'vitest';
import type { TProblem } from '@planning-hub/contracts/problems';
import { describeKeptRows } from './kept-rows';

const rowCounts = {
  demand: 10,
  capacity: 0,
  mix: 4,
  inventory: 0,
  inbound: 0,
  period_metrics: 0,
  calendar: 7,
  params: 3,
};

function problem(partial: Partial<TProblem> & Pick<TProblem, 'code' | 'table'>): TProblem {
  return {
    severity: 'error',
    file: partial.table ? `${partial.table}.csv` : null,
    row: null,
    column: null,
    value: null,
    messageCode: 'problem.as_recorded',
    params: { message: 'm' },
    message: 'm',
    ...partial,
  };
}

function report(problems: TProblem[], byCode?: Record<string, number>) {
  const counted: Record<string, number> = {};
  for (const entry of problems) counted[entry.code] = (counted[entry.code] ?? 0) + 1;
  return {
    problems,
    rowCounts,
    problemSummary: {
      errors: problems.length,
      warnings: 0,
      byCode: byCode ?? counted,
      truncated: byCode !== undefined,
    },
  };
}

describe('describeKeptRows', () => {
  it('says kept N of M when every left-out row is listed', () => {
    const result = describeKeptRows(
      report([
        problem({ code: 'mix_resource_without_capacity', table: 'capacity', row: 2 }),
        problem({ code: 'out_of_range', table: 'capacity', row: 3 }),
        problem({ code: 'wrong_type', table: 'capacity', row: 3, column: 'available_hours' }),
        problem({ code: 'out_of_range', table: 'capacity', row: 4 }),
      ]),
    );
    expect(result).toEqual([{ table: 'capacity', kind: 'exact', kept: 0, read: 3, rejected: 3 }]);
  });

  it('says only "at least" when the problem list was capped', () => {
    const result = describeKeptRows(
      report([problem({ code: 'wrong_type', table: 'demand', row: 5 })], { wrong_type: 2400 }),
    );
    expect(result).toEqual([{ table: 'demand', kind: 'atLeast', kept: 10, rejected: 1 }]);
  });

  it('names a missing file, and a file that failed as a whole, without inventing row counts', () => {
    const result = describeKeptRows(
      report([
        problem({ code: 'missing_file', table: 'calendar', file: null }),
        problem({ code: 'missing_column', table: 'mix', column: 'share' }),
      ]),
    );
    expect(result).toEqual([
      { table: 'mix', kind: 'wholeFile', kept: 4 },
      { table: 'calendar', kind: 'missing' },
    ]);
  });

  it('keeps the rows of a share-sum error, which concerns the table as a whole', () => {
    const result = describeKeptRows(
      report([problem({ code: 'mix_share_sum', table: 'mix', row: 2, column: 'share' })]),
    );
    expect(result).toEqual([{ table: 'mix', kind: 'tableRule', kept: 4 }]);
  });

  it('leaves out tables with warnings only', () => {
    expect(
      describeKeptRows(report([problem({ code: 'unknown_column', table: 'demand', severity: 'warning' })])),
    ).toEqual([]);
  });
});
