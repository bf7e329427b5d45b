import { createContext, useContext } from 'react';
import type { TMessageKey, TMessages, TPluralKey } from './en';
import { createTranslators, type TLanguage, type TVars } from './translate';

export type TTranslate = (key: TMessageKey, vars?: TVars) => string;

/** A count in words: `<key>.one` for 1, `<key>` otherwise; `{count}` is filled in. */
export type TTranslateCount = (key: TPluralKey, count: number, vars?: TVars) => string;

export type TI18n = {
  language: TLanguage;
  setLanguage: (language: TLanguage) => void;
  t: TTranslate;
  tc: TTranslateCount;
  /** Changes when the problem catalog arrives (i18n/problem-messages.ts), so that problems shown are said again by code. */
  catalogVersion: number;
};

export const I18nContext = createContext<TI18n | null>(null);

/**
 * The context's value over one language's messages: the provider's (which puts its own
 * `setLanguage` in), and the server's for a painted page, which cannot switch.
 */
export function createI18nValue(language: TLanguage, messages: TMessages, catalogVersion = 0): TI18n {
  const { t, tc } = createTranslators<TMessageKey>(messages);
  return {
    language,
    setLanguage: () => {},
    t,
    tc: (key: TPluralKey, count: number, vars?: TVars) => tc(key, count, vars),
    catalogVersion,
  };
}

export function useI18n(): TI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>.');
  return value;
}

/** The translate function of the current language. */
export function useT(): TTranslate {
  return useI18n().t;
}

export function useTc(): TTranslateCount {
  return useI18n().tc;
}
