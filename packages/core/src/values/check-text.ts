import { problemMessage, shorten, type TProblemMessage } from '../validation/problem-list';
import { isFormulaStart } from './formula-start';

/** Free text cells (unit of measure) are short labels. */
export const MAX_TEXT_LENGTH = 64;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** An unpaired surrogate (only a JSON escape can make one) would not survive UTF-8 storage. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Free text: no control characters, and no `= + - @` first (exported CSV never carries a formula). */
export function isValidText(text: string): boolean {
  return (
    text.length <= MAX_TEXT_LENGTH &&
    !isFormulaStart(text.charCodeAt(0)) &&
    !CONTROL_CHARACTER.test(text) &&
    !LONE_SURROGATE.test(text)
  );
}

export type TTextProblem = { kind: 'formula' | 'control' | 'length'; detail: TProblemMessage };

export function describeInvalidText(text: string): TTextProblem {
  const shown = shorten(text);
  if (isFormulaStart(text.charCodeAt(0))) {
    return {
      kind: 'formula',
      detail: problemMessage('problem.cell.formula', { text: shown, first: text[0]! }),
    };
  }
  const control = CONTROL_CHARACTER.exec(text) ?? LONE_SURROGATE.exec(text);
  if (control) {
    return {
      kind: 'control',
      detail: problemMessage('problem.wrong_type.control_character', { text: shown, character: control[0] }),
    };
  }
  return {
    kind: 'length',
    detail: problemMessage('problem.cell.too_long', { text: shown, max: MAX_TEXT_LENGTH }),
  };
}
