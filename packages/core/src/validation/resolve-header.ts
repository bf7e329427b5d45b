import { ANNOTATION_COLUMN } from '@planning-hub/contracts/problems';
import type { TTableSpec } from '@planning-hub/contracts/tables';
import { findClosestName } from './closest-name';
import { problemMessage, shorten, type TProblemInput } from './problem-list';

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
type THeaderInput = {
  spec: TTableSpec;
  header: readonly string[];
  file: string;
  row: number | null;
  report: (problem: TProblemInput) => void;
};

type TUnknownCell = { name: string; index: number };

export function resolveHeader(input: THeaderInput): THeaderMapping {
  const names = input.spec.columns.map((column) => column.name);
  const { sourceIndexes, unknown } = matchHeaderCells(input, names);
  const misspelt = reportMissingColumns(input, names, sourceIndexes, unknown);
  reportUnknownColumns(
    input,
    names,
    unknown.filter((cell) => !misspelt.has(cell.name)),
  );
  const presentColumns = new Set(names.filter((_, i) => sourceIndexes[i] !== -1));
  const isComplete = input.spec.columns.every(
    (column) => !column.required || presentColumns.has(column.name),
  );
  return { sourceIndexes, isComplete, presentColumns };
}

/** Exact name matches; a repeated column is reported and its first occurrence kept. */
function matchHeaderCells({ header, file, row, spec, report }: THeaderInput, names: string[]) {
  const sourceIndexes = names.map(() => -1);
  const unknown: TUnknownCell[] = [];
  header.forEach((name, index) => {
    const columnIndex = names.indexOf(name);
    if (columnIndex === -1 && name === ANNOTATION_COLUMN && row !== null) {
      // The column an annotated download adds to a CSV file (a header on a row; JSON tables have
      // none), docs/design.md section 3: read past, with a notice.
      report({
        code: 'annotation_ignored',
        table: spec.name,
        file,
        row,
        column: name,
        value: null,
        detail: problemMessage('problem.annotation_ignored.column', {}),
      });
    } else if (columnIndex === -1) {
      unknown.push({ name, index });
    } else if (sourceIndexes[columnIndex] !== -1) {
      report({
        code: 'duplicate_column',
        table: spec.name,
        file,
        row,
        column: name,
        value: name,
        detail: problemMessage('problem.duplicate_column', {
          first: sourceIndexes[columnIndex]! + 1,
          second: index + 1,
        }),
      });
    } else {
      sourceIndexes[columnIndex] = index;
    }
  });
  return { sourceIndexes, unknown };
}

/** Missing columns, each with the header cell that misspells it if any; returns those cells. */
function reportMissingColumns(
  { spec, file, row, report }: THeaderInput,
  names: string[],
  sourceIndexes: number[],
  unknown: TUnknownCell[],
): Set<string> {
  const missing = names.filter((_, i) => sourceIndexes[i] === -1);
  const misspelt = new Set<string>();
  for (const name of missing) {
    const candidates = unknown.filter((cell) => !misspelt.has(cell.name)).map((cell) => cell.name);
    const typed = candidates.find((candidate) => findClosestName(candidate, missing) === name);
    const base = { code: 'missing_column', table: spec.name, file, row, column: name } as const;
    if (typed !== undefined) {
      misspelt.add(typed);
      report({
        ...base,
        value: typed,
        detail: problemMessage('problem.missing_column.renamed', { typed: shorten(typed) }),
      });
    } else if (spec.columns.find((column) => column.name === name)!.required) {
      report({
        ...base,
        value: null,
        detail: problemMessage('problem.missing_column', { expected: names.join(', ') }),
      });
    }
  }
  return misspelt;
}

function reportUnknownColumns(
  { spec, file, row, report }: THeaderInput,
  names: string[],
  unknown: TUnknownCell[],
) {
  for (const { name, index } of unknown) {
    report({
      code: 'unknown_column',
      table: spec.name,
      file,
      row,
      column: name,
      value: name,
      detail:
        name.trim() === ''
          ? problemMessage('problem.unknown_column.unnamed', { position: index + 1 })
          : problemMessage('problem.unknown_column', { name: shorten(name), expected: names.join(', ') }),
    });
  }
}
