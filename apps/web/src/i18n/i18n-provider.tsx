import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { setRequestLanguage } from '../lib/api-client';
import { hasAllMessages, loadedMessages, loadMessages, whenIdle } from './dictionaries';
import { createI18nValue, I18nContext, type TI18n } from './i18n-context';
import { LANGUAGE_STORAGE_KEY, readInitialLanguage, rememberLanguageForServer } from './initial-language';
import { loadProblemMessages } from './problem-messages';
import { LANGUAGES, type TLanguage } from './translate';

/**
 * The reader's language and its messages. The first page's messages of the initial
 * language must have been loaded before the first render (main.tsx); the rest of them
 * and the other language's arrive when the browser is idle (a page that needs them
 * before then waits for them: app/route-config.tsx), and a switch before that waits for them.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<TLanguage>(() => {
    const initial = readInitialLanguage();
    // Requests a route loader sends before the first paint ask in it too.
    setRequestLanguage(initial);
    return initial;
  });
  // The language asked for last: a slow load of an earlier choice must not win over it.
  const wanted = useRef(language);
  const shown = useRef(language);
  // Bumped when the problem catalog arrives, so that alerts shown before then say their text by code.
  const [catalogVersion, setCatalogVersion] = useState(0);

  // Before the first paint: the browser picks Japanese glyphs and line breaking from <html lang>;
  // the API writes its problems in the language requests ask for.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    rememberLanguageForServer(language);
    setRequestLanguage(language);
    shown.current = language;
  }, [language]);

  useEffect(() => {
    whenIdle(() => {
      // The language shown first: every page's messages; then the other language's.
      for (const next of [wanted.current, ...LANGUAGES.filter((other) => other !== wanted.current)])
        void loadMessages(next).catch(() => {});
      void loadProblemMessages().then(
        () => setCatalogVersion((version) => version + 1),
        () => {},
      );
    });
  }, []);

  const setLanguage = useCallback((next: TLanguage) => {
    wanted.current = next;
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    if (hasAllMessages(next)) {
      setLanguageState(next);
      return;
    }
    loadMessages(next).then(
      () => {
        if (wanted.current === next) setLanguageState(next);
      },
      // Not loaded (the connection dropped): the page stays in the language it shows.
      () => {
        if (wanted.current === next) wanted.current = shown.current;
      },
    );
  }, []);

  const value = useMemo<TI18n>(() => {
    const messages = loadedMessages(language);
    if (!messages) throw new Error(`The ${language} messages were not loaded before rendering.`);
    return { ...createI18nValue(language, messages, catalogVersion), setLanguage };
  }, [language, setLanguage, catalogVersion]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
