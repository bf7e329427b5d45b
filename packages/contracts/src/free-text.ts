import { z } from 'zod';

/**
 * Characters that can move the cursor, recolour or reorder what a terminal or a
 * page shows: C0 and C1 controls (ESC among them), DEL, and the bidirectional
 * embedding, override and isolate marks. A comment holding them could hide or
 * fake lines of `planning events` output. On one line, the Unicode line and paragraph
 * separators (U+2028, U+2029) are refused too: they break lines as well.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** The same, but line breaks and tabs pass: CR only as part of CRLF (a browser's textarea sends CRLF). */
const CONTROL_EXCEPT_LINES =
  // eslint-disable-next-line no-control-regex -- as above
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/u;

function firstControl(text: string, pattern: RegExp): string | null {
  const found = pattern.exec(text);
  if (!found) return null;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} at character ${found.index + 1}`;
}

/**
 * Free text on one line (a plan name, a search): trimmed, at most `max`
 * characters, no control characters at all. `what` names the field in the message.
 */
export function singleLineText(what: string, max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .superRefine((text, ctx) => {
      const found = firstControl(text, CONTROL_OR_LINE_BREAK);
      if (found)
        ctx.addIssue({ code: 'custom', message: `${what} cannot contain control characters (${found}).` });
    });
}

/**
 * Free text over several lines (a note, a review comment): trimmed, at most
 * `max` characters; line breaks and tabs are kept, other control characters refused.
 */
export function multiLineText(what: string, max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .superRefine((text, ctx) => {
      const found = firstControl(text, CONTROL_EXCEPT_LINES);
      if (found) {
        ctx.addIssue({
          code: 'custom',
          message: `${what} cannot contain control characters (${found}); line breaks and tabs are fine.`,
        });
      }
    });
}
