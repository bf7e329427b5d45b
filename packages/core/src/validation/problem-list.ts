import type { TProblemMessageCode } from '@planning-hub/contracts/messages/catalog';
import { messageOf, renderMessage, type TMessage } from '@planning-hub/contracts/messages/format-message';
import {
  MAX_PROBLEMS_PER_CODE,
  PROBLEM_CODES,
  problemMessageParams,
  type TProblem,
  type TProblemParams,
  type TProblemSummary,
} from '@planning-hub/contracts/problems';

/** A problem's message by code: what `problemMessage` builds, checked against the catalog. */
export type TProblemMessage = TMessage<TProblemMessageCode>;

/** A problem as a reader or rule reports it: its fields and its message by code (the English text is made here). */
export type TProblemInput = Omit<TProblem, 'severity' | 'messageCode' | 'params' | 'message'> & {
  detail: TProblemMessage;
};

export type TProblemList = {
  add: (problem: TProblemInput) => void;
  errorCount: () => number;
  finish: () => { problems: TProblem[]; summary: TProblemSummary };
};

/** Longest cell value quoted back in a problem record. */
const MAX_VALUE_LENGTH = 200;
/** Longest cell value quoted in a message. */
const MAX_SHOWN_LENGTH = 60;

/**
 * A problem message's code with the parameters its template needs beyond the record's
 * fields (file, row, column, table, value), which the compiler checks against the catalog.
 */
export function problemMessage<TCode extends TProblemMessageCode>(
  code: TCode,
  params: TProblemParams<TCode>,
): TMessage<TCode> {
  return messageOf(code, params as never);
}

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
    add({ detail, ...fields }) {
      const severity = PROBLEM_CODES[fields.code];
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
      const count = (byCode[fields.code] ?? 0) + 1;
      byCode[fields.code] = count;
      if (count > MAX_PROBLEMS_PER_CODE) return;
      const value =
        fields.value !== null && fields.value.length > MAX_VALUE_LENGTH
          ? `${fields.value.slice(0, MAX_VALUE_LENGTH)}…`
          : fields.value;
      const record = { severity, ...fields, value, messageCode: detail.code, params: detail.params };
      // English, as stored with the revision; clients say it in their reader's language from code and params.
      const message = renderMessage('en', { code: detail.code, params: problemMessageParams(record) });
      problems.push({ ...record, message });
    },
    errorCount: () => errors,
    finish() {
      const truncated = Object.values(byCode).some((count) => count > MAX_PROBLEMS_PER_CODE);
      return { problems, summary: { errors, warnings, byCode: { ...byCode }, truncated } };
    },
  };
}

/** A cell value as a message quotes it, shortened so that a message stays readable. */
export function shorten(value: string): string {
  return value.length > MAX_SHOWN_LENGTH ? `${value.slice(0, MAX_SHOWN_LENGTH)}…` : value;
}
