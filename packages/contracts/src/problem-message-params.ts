import type { TMessageParams, TProblemMessageCode } from './messages/catalog';
import type { TProblem } from './problems';

/**
 * How a problem's message is filled, without zod: the SPA's alerts on the list page say
 * problems before anything loads classic zod (docs/performance.md, Browser).
 */

/** The record fields a problem message's template may name: they are not repeated in `params`. */
export type TProblemField = 'file' | 'row' | 'column' | 'table' | 'value';

/** The parameters of a problem message beyond the record's fields. */
export type TProblemParams<TCode extends TProblemMessageCode> = Omit<TMessageParams<TCode>, TProblemField>;

/** The values a problem's message is filled from: its fields (when set), then its params. */
export function problemMessageParams(
  problem: Pick<TProblem, TProblemField | 'params'>,
): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const field of ['file', 'row', 'column', 'table', 'value'] as const) {
    const value = problem[field];
    if (value !== null) values[field] = value;
  }
  return { ...values, ...problem.params };
}
