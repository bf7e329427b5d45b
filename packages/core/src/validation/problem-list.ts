import {
  MAX_PROBLEMS_PER_CODE,
  PROBLEM_CODES,
  type TProblem,
  type TProblemSummary,
} from '@planning-hub/contracts/problems';

export type TProblemInput = Omit<TProblem, 'severity'>;

export type TProblemList = {
  add: (problem: TProblemInput) => void;
  errorCount: () => number;
  finish: () => { problems: TProblem[]; summary: TProblemSummary };
};

/** Longest cell value quoted back in a problem record. */
const MAX_VALUE_LENGTH = 200;

/**
 * Collects problem records in the order found, keeping at most
 * MAX_PROBLEMS_PER_CODE per code; the summary keeps the true counts.
 */
export function createProblemList(): TProblemList {
  const problems: TProblem[] = [];
  const byCode: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  return {
    add(problem) {
      const severity = PROBLEM_CODES[problem.code];
      if (severity === 'error') errors++;
      else warnings++;
      const count = (byCode[problem.code] ?? 0) + 1;
      byCode[problem.code] = count;
      if (count > MAX_PROBLEMS_PER_CODE) return;
      const value =
        problem.value !== null && problem.value.length > MAX_VALUE_LENGTH
          ? `${problem.value.slice(0, MAX_VALUE_LENGTH)}…`
          : problem.value;
      problems.push({ severity, ...problem, value });
    },
    errorCount: () => errors,
    finish() {
      const truncated = Object.values(byCode).some((count) => count > MAX_PROBLEMS_PER_CODE);
      return { problems, summary: { errors, warnings, byCode: { ...byCode }, truncated } };
    },
  };
}

/** A cell value quoted in a message, shortened so that a message stays readable. */
export function quote(value: string): string {
  return `'${value.length > 60 ? `${value.slice(0, 60)}…` : value}'`;
}
