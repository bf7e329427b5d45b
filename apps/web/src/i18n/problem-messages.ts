import type { TProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { formatMessageOf } from '@planning-hub/contracts/messages/format-message';
import { problemMessageParams, type TProblem } from '@planning-hub/contracts/problems';
import type { TLanguage } from './translate';

/** The code of a record stored before problems had codes: its English message is all there is. */
const AS_RECORDED = 'problem.as_recorded';

/**
 * A validation problem in the reader's language, from the shared message catalog
 * (packages/contracts/src/messages) by its `messageCode`, `params` and fields. Null when
 * the record has no code this SPA knows (one stored before codes, a newer server): show
 * its English `message` then, marked as English.
 */
export function translateProblem(problem: TProblem, language: TLanguage): string | null {
  if (problem.messageCode === AS_RECORDED) return null;
  return formatMessageOf(language, problem.messageCode, problemMessageParams(problem));
}

/**
 * An API problem's `detail` and `hint` in the reader's language, by their message codes;
 * the API's own text (written in the language the request asked for) when the code is unknown.
 */
export function translateApiProblem(
  problem: TProblemDetails,
  language: TLanguage,
): { detail: string; hint: string | undefined } {
  const detail = formatMessageOf(language, problem.messageCode, problem.params) ?? problem.detail;
  const hint =
    problem.hint === undefined
      ? undefined
      : (formatMessageOf(language, problem.hintCode, problem.hintParams) ?? problem.hint);
  return { detail, hint };
}
