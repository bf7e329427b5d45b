import type { TProblem } from '@planning-hub/contracts/problems';

export type TProblemGroup = {
  /** The file the problems are in; null for problems of the bundle as a whole. */
  file: string | null;
  errorCount: number;
  warningCount: number;
  /** Errors first, then by row (file-level problems, without a row, lead). */
  problems: TProblem[];
};

const SEVERITY_ORDER: Record<TProblem['severity'], number> = { error: 0, warning: 1, notice: 2 };

function compareProblems(a: TProblem, b: TProblem): number {
  if (a.severity !== b.severity) return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  return (a.row ?? 0) - (b.row ?? 0);
}

/** Problems grouped by file, files with errors first, then by name; bundle-level group first. */
export function groupProblemsByFile(problems: readonly TProblem[]): TProblemGroup[] {
  const groups = new Map<string | null, TProblemGroup>();
  for (const problem of problems) {
    const file = problem.file ?? (problem.table ? problem.table : null);
    let group = groups.get(file);
    if (!group) {
      group = { file, errorCount: 0, warningCount: 0, problems: [] };
      groups.set(file, group);
    }
    group.problems.push(problem);
    if (problem.severity === 'error') group.errorCount += 1;
    else if (problem.severity === 'warning') group.warningCount += 1;
  }
  const list = [...groups.values()];
  for (const group of list) group.problems.sort(compareProblems);
  return list.sort((a, b) => {
    if (a.file === null || b.file === null) return a.file === null ? (b.file === null ? 0 : -1) : 1;
    if (a.errorCount > 0 !== b.errorCount > 0) return a.errorCount > 0 ? -1 : 1;
    return a.file.localeCompare(b.file);
  });
}

export function countProblems(problems: readonly TProblem[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const problem of problems) {
    if (problem.severity === 'error') errors += 1;
    else if (problem.severity === 'warning') warnings += 1;
  }
  return { errors, warnings };
}
