import { createContext, useContext } from 'react';

/**
 * True while a page is rendered on the server into index.html (server/paint-list-page.tsx):
 * what is painted there is read and followed before the scripts arrive, and a control
 * that needs them (a filter, a copy button) is shown disabled until React replaces it, so
 * that nothing typed into it is lost (docs/design.md section 8).
 */
const PaintedContext = createContext(false);

export const PaintedProvider = PaintedContext.Provider;

export function useIsPainted(): boolean {
  return useContext(PaintedContext);
}
