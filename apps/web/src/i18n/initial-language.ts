import { pickInitialLanguage, type TLanguage } from './translate';

/** Where the reader's choice of language is kept (i18n-provider.tsx writes it). */
export const LANGUAGE_STORAGE_KEY = 'planning-hub.language';

/**
 * The language shown, also in a cookie of the same name: the server paints the input set
 * list in it (server/paint-list-page.tsx), as it cannot read local storage.
 */
export const LANGUAGE_COOKIE = LANGUAGE_STORAGE_KEY;

export function rememberLanguageForServer(language: TLanguage): void {
  document.cookie = `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The language the page opens in: the stored choice, else the browser's preference.
 * A module without React, so that main.tsx can ask for the messages before the app's
 * code has arrived (docs/performance.md, Browser).
 */
export function readInitialLanguage(): TLanguage {
  return pickInitialLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
}
