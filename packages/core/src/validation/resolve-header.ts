import type { TTableSpec } from '@planning-hub/contracts/tables';
import { findClosestName } from './closest-name';
import { quote, type TProblemInput } from './problem-list';

export type THeaderMapping = {
  /** Per spec column, the index of its cell in a record, or -1 when the column is absent. */
  sourceIndexes: number[];
  /** Every required column is there: rows can be complete. */
  isComplete: boolean;
  presentColumns: ReadonlySet<string>;
};

/**
 * Matches a file's header against the table spec, exactly by name. A header cell
 * close to a missing expected column is a misspelling: an error naming that column
 * (never a silent partial match). Other unknown cells are ignored with a warning;
 * a repeated column is an error and its first occurrence is read.
 */
export function resolveHeader(options: {
  spec: TTableSpec;
  header: readonly string[];
  file: string;
  row: number | null;
  report: (problem: TProblemInput) => void;
}): THeaderMapping {
  const { spec, header, file, row, report } = options;
  const names = spec.columns.map((column) => column.name);
  const sourceIndexes = names.map(() => -1);
  const unknown: { name: string; index: number }[] = [];
  const base = { table: spec.name, file, row } as const;

  header.forEach((name, index) => {
    const columnIndex = names.indexOf(name);
    if (columnIndex === -1) {
      unknown.push({ name, index });
    } else if (sourceIndexes[columnIndex] !== -1) {
      report({
        ...base,
        code: 'duplicate_column',
        column: name,
        value: name,
        message: `Column '${name}' appears twice in the header of ${file} (columns ${sourceIndexes[columnIndex]! + 1} and ${index + 1}); keep one.`,
      });
    } else {
      sourceIndexes[columnIndex] = index;
    }
  });

  const missing = names.filter((_, i) => sourceIndexes[i] === -1);
  const misspelt = new Set<string>();
  for (const name of missing) {
    const column = spec.columns.find((c) => c.name === name)!;
    const candidates = unknown.filter((u) => !misspelt.has(u.name)).map((u) => u.name);
    const typed = candidates.find((candidate) => findClosestName(candidate, missing) === name);
    if (typed !== undefined) {
      misspelt.add(typed);
      report({
        ...base,
        code: 'missing_column',
        column: name,
        value: typed,
        message: `Column '${name}' is missing from ${file}; the header has ${quote(typed)}: rename it to '${name}'.`,
      });
    } else if (column.required) {
      report({
        ...base,
        code: 'missing_column',
        column: name,
        value: null,
        message: `Column '${name}' is missing from the header of ${file} (expected: ${names.join(', ')}).`,
      });
    }
  }

  for (const { name, index } of unknown) {
    if (misspelt.has(name)) continue;
    report({
      ...base,
      code: 'unknown_column',
      column: name,
      value: name,
      message:
        name.trim() === ''
          ? `Column ${index + 1} of ${file} has no name; it is ignored.`
          : `Column ${quote(name)} is not a ${spec.name} column; it is ignored (expected: ${names.join(', ')}).`,
    });
  }

  const presentColumns = new Set(names.filter((_, i) => sourceIndexes[i] !== -1));
  const isComplete = spec.columns.every((column) => !column.required || presentColumns.has(column.name));
  return { sourceIndexes, isComplete, presentColumns };
}
