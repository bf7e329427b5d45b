import { describe, expect, it } from 'vitest';
import type { TProblem } from '@planning-hub/contracts/problems';
import { formatProblemsCsv } from './problems-csv';

describe('formatProblemsCsv', () => {
  it('writes file, row, column, value, code and message, one line per problem', () => {
    // Cast: the records' message codes and parameters play no part in the file.
    const problems = [
      {
        severity: 'error',
        code: 'out_of_range',
        table: 'demand',
        file: 'demand.csv',
        row: 3,
        column: 'quantity',
        value: '-5',
        message: "quantity '-5' must be 0 or more.",
      },
      {
        severity: 'error',
        code: 'missing_file',
        table: 'mix',
        file: null,
        row: null,
        column: null,
        value: null,
        message: 'mix.csv is missing.',
      },
    ] as TProblem[];
    const csv = formatProblemsCsv(problems, (problem) => `${problem.code}!`);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFfile,row,column,value,code,message',
      "demand.csv,3,quantity,'-5,out_of_range,out_of_range!",
      ',,,,missing_file,missing_file!',
      '',
    ]);
  });
});
