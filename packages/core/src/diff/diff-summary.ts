import type { TDiffKind, TDiffTableSummary, TDiffTotals } from '@planning-hub/contracts/api/diff';
import { TABLE_NAMES, type TTableName } from '@planning-hub/contracts/tables';

type TCounts = { added: number; removed: number; changed: number; changedColumns: Record<string, number> };

/**
 * Tallies diff rows as they stream by. `unchanged` is derived at the end from the
 * older side's row count: every row of `against` is removed, changed or unchanged.
 */
export function createDiffTally() {
  const counts = new Map<TTableName, TCounts>();
  const countsOf = (table: TTableName): TCounts => {
    let entry = counts.get(table);
    if (!entry) {
      entry = { added: 0, removed: 0, changed: 0, changedColumns: {} };
      counts.set(table, entry);
    }
    return entry;
  };

  function add(table: TTableName, kind: TDiffKind, changedColumns: readonly string[] = []): void {
    const entry = countsOf(table);
    entry[kind] += 1;
    for (const column of changedColumns)
      entry.changedColumns[column] = (entry.changedColumns[column] ?? 0) + 1;
  }

  function finish(againstRowCounts: Partial<Record<TTableName, number>>): TDiffTableSummary[] {
    return TABLE_NAMES.map((table) => {
      const entry = counts.get(table) ?? { added: 0, removed: 0, changed: 0, changedColumns: {} };
      const againstRows = againstRowCounts[table] ?? 0;
      return {
        table,
        added: entry.added,
        removed: entry.removed,
        changed: entry.changed,
        unchanged: Math.max(0, againstRows - entry.removed - entry.changed),
        changedColumns: entry.changedColumns,
      };
    });
  }

  return { add, finish };
}

/** The summary of two revisions with the same content hash: nothing added, removed or changed. */
export function identicalDiffSummary(rowCounts: Partial<Record<TTableName, number>>): TDiffTableSummary[] {
  return createDiffTally().finish(rowCounts);
}

export function diffTotals(summary: readonly TDiffTableSummary[]): TDiffTotals {
  const totals: TDiffTotals = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const entry of summary) {
    totals.added += entry.added;
    totals.removed += entry.removed;
    totals.changed += entry.changed;
    totals.unchanged += entry.unchanged;
  }
  return totals;
}
