import { useOutletContext, useParams } from 'react-router';
import type { TInputSetDetail } from '@planning-hub/contracts/api/input-sets';

/**
 * The `:ref` segment as the user means it. The router decodes params already; a
 * second pass covers links that were encoded twice (`foo%2540draft`).
 */
export function decodeRefParam(raw: string | undefined): string {
  let value = raw ?? '';
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(value); i += 1) {
    try {
      value = decodeURIComponent(value);
    } catch {
      break;
    }
  }
  return value.trim();
}

export function useRefParam(): string {
  return decodeRefParam(useParams().ref);
}

/**
 * What the detail layout hands to its tabs: the label, and the revision loaded and
 * parsed. `inputSet` is null only on the History tab of a label whose plain
 * reference has no ready revision (its events are the label's, not a revision's).
 */
export type TInputSetOutletContext = { label: string; inputSet: TInputSetDetail | null };

/** The revision on screen, for the tabs that need one (every tab but History). */
export function useInputSetOutlet(): { inputSet: TInputSetDetail } {
  const { inputSet } = useOutletContext<TInputSetOutletContext>();
  if (!inputSet) throw new Error('This tab needs a revision; only the History tab is shown without one.');
  return { inputSet };
}

/** The label on screen and its revision when there is one (the History tab). */
export function useLabelOutlet(): TInputSetOutletContext {
  return useOutletContext<TInputSetOutletContext>();
}
