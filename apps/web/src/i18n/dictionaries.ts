import type { TMessages } from './en';
import type { TLanguage } from './translate';

/**
 * Each language's messages are a chunk of their own, loaded when needed: the page
 * loads the reader's language before its first render, and the other one when the
 * browser is idle, so that switching stays instant (docs/performance.md, Browser).
 */
const LOADERS: Record<TLanguage, () => Promise<TMessages>> = {
  en: () => import('./en').then((module) => module.en),
  ja: () => import('./ja').then((module) => module.ja),
};

const loaded = new Map<TLanguage, TMessages>();
const loading = new Map<TLanguage, Promise<TMessages>>();

/** The messages of `language` if they have arrived. */
export function loadedMessages(language: TLanguage): TMessages | undefined {
  return loaded.get(language);
}

/** Loads the messages of `language` once; a failed load (a dropped connection) may be retried. */
export function loadMessages(language: TLanguage): Promise<TMessages> {
  const known = loaded.get(language);
  if (known) return Promise.resolve(known);
  let pending = loading.get(language);
  if (!pending) {
    pending = LOADERS[language]().then(
      (messages) => {
        loaded.set(language, messages);
        loading.delete(language);
        return messages;
      },
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** Runs `work` when the browser has nothing else to do (or soon, where it cannot say). */
export function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(work, { timeout: 2000 });
  else window.setTimeout(work, 200);
}
