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

/** What the detail layout hands to its tabs: the revision, loaded and parsed. */
export type TInputSetOutletContext = { inputSet: TInputSetDetail };

export function useInputSetOutlet(): TInputSetOutletContext {
  return useOutletContext<TInputSetOutletContext>();
}
