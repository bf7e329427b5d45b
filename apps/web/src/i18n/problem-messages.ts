import type { TProblemDetails } from '@planning-hub/contracts/api/problem-details';
import type { TMessageParamValues } from '@planning-hub/contracts/messages/catalog';
import { problemMessageParams } from '@planning-hub/contracts/problem-message-params';
import type { TProblem } from '@planning-hub/contracts/problems';
import { loadedMessageCatalog, loadMessageCatalog } from '../lib/message-catalog';
import type { TLanguage } from './translate';

/** The code of a record stored before problems had codes: its English message is all there is. */
const AS_RECORDED = 'problem.as_recorded';

/**
 * Loads the shared message catalog (lib/message-catalog.ts, a lazy chunk). Until it has
 * arrived, problems are said in the server's own words; I18nProvider renders again then.
 */
export async function loadProblemMessages(): Promise<void> {
  await loadMessageCatalog();
}

/** The catalog's text of a code from the wire, or null (an unknown code, or no catalog yet). */
function formatMessageOf(
  language: TLanguage,
  code: string | undefined,
  params: Readonly<TMessageParamValues> | undefined,
): string | null {
  return loadedMessageCatalog()?.formatMessageOf(language, code, params) ?? null;
}

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
