import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { createDiffTally, diffTotals, identicalDiffSummary } from './diff-summary';

describe('createDiffTally', () => {
  it('counts rows per table and kind, and changed columns', () => {
    const tally = createDiffTally();
    tally.add('demand', 'added');
    tally.add('demand', 'removed');
    tally.add('demand', 'changed', ['quantity']);
    tally.add('demand', 'changed', ['quantity', 'uom']);
    tally.add('mix', 'changed', ['share']);
    const summary = tally.finish({ demand: 10, mix: 2, capacity: 4 });
    // Every table, in the spec's order (docs/design.md section 2).
    expect(summary.map((s) => s.table)).toEqual([...TABLE_NAMES]);
    expect(summary[0]).toEqual({
      table: 'demand',
      added: 1,
      removed: 1,
      changed: 2,
      unchanged: 7,
      changedColumns: { quantity: 2, uom: 1 },
    });
    expect(summary[1]).toMatchObject({ table: 'capacity', added: 0, removed: 0, changed: 0, unchanged: 4 });
    expect(summary[2]).toMatchObject({
      table: 'mix',
      changed: 1,
      unchanged: 1,
      changedColumns: { share: 1 },
    });
    expect(diffTotals(summary)).toEqual({ added: 1, removed: 1, changed: 3, unchanged: 12 });
  });
});

describe('identicalDiffSummary', () => {
  it('reports every row as unchanged', () => {
    const summary = identicalDiffSummary({ demand: 3, params: 4 });
    expect(summary.find((s) => s.table === 'demand')).toEqual({
      table: 'demand',
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 3,
      changedColumns: {},
    });
    expect(diffTotals(summary)).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 7 });
  });
});
