import { useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { setRequestLanguage } from '../lib/api-client';
import { en, type TMessageKey, type TMessages, type TPluralKey } from './en';
import { I18nContext, type TI18n } from './i18n-context';
import { ja } from './ja';
import { createTranslators, pickInitialLanguage, type TLanguage, type TVars } from './translate';

const STORAGE_KEY = 'planning-hub.language';
const MESSAGES: Record<TLanguage, TMessages> = { en, ja };

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<TLanguage>(() => {
    const initial = pickInitialLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
    // Requests a route loader sends before the first paint ask in it too.
    setRequestLanguage(initial);
    return initial;
  });

  // Before the first paint: the browser picks Japanese glyphs and line breaking from <html lang>;
  // the API writes its problems in the language requests ask for.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    setRequestLanguage(language);
  }, [language]);

  const setLanguage = useCallback((next: TLanguage) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<TI18n>(() => {
    const { t, tc } = createTranslators<TMessageKey>(MESSAGES[language]);
    return {
      language,
      setLanguage,
      t,
      tc: (key: TPluralKey, count: number, vars?: TVars) => tc(key, count, vars),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
