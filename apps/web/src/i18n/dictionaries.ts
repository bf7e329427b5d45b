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

/** How long after the page's load event the prefetches wait: the first page's own requests go first. */
const PREFETCH_AFTER_LOAD_MS = 1500;

/**
 * Runs `work` once the page has loaded, a moment has passed and the browser has nothing
 * else to do: for prefetches that must not compete with what the first page needs.
 */
export function whenIdle(work: () => void): void {
  const idle = () =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(work, { timeout: 2000 })
      : work();
  const later = () => window.setTimeout(idle, PREFETCH_AFTER_LOAD_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
