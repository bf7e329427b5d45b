import type { TFirstPageMessages, TMessages, TPageMessages } from './en';
import { LANGUAGES, type TLanguage } from './translate';

type TParts = { firstPage: TFirstPageMessages; pages: TPageMessages };
type TPart = keyof TParts;

/**
 * Each language's messages come in two chunks of their own (docs/performance.md, Browser):
 * the first page's (the shell, sign-in and the input set list: en.ts, ja.ts), which the
 * page loads in the reader's language before its first render, and every other page's
 * (en-pages.ts, ja-pages.ts), which a page that needs them waits for
 * (`loadPageMessages`). The rest arrive when the browser is idle, so that switching
 * language or page stays instant.
 */
const LOADERS: { [P in TPart]: Record<TLanguage, () => Promise<TParts[P]>> } = {
  firstPage: {
    en: () => import('./en').then((module) => module.en),
    ja: () => import('./ja').then((module) => module.ja),
  },
  pages: {
    en: () => import('./en-pages').then((module) => module.enPages),
    ja: () => import('./ja-pages').then((module) => module.jaPages),
  },
};

/**
 * Each language's messages that have arrived, one object per language: a part that
 * arrives later joins it, so translators made before then see it too.
 */
const arrived = new Map<TLanguage, Partial<TMessages>>();
const loadedParts = new Set<`${TPart}:${TLanguage}`>();
const loading = new Map<`${TPart}:${TLanguage}`, Promise<void>>();

/** Loads one part of a language once; a failed load (a dropped connection) may be retried. */
function loadPart(part: TPart, language: TLanguage): Promise<void> {
  const id = `${part}:${language}` as const;
  if (loadedParts.has(id)) return Promise.resolve();
  let pending = loading.get(id);
  if (!pending) {
    pending = LOADERS[part][language]().then(
      (messages) => {
        const target = arrived.get(language) ?? {};
        Object.assign(target, messages);
        arrived.set(language, target);
        loadedParts.add(id);
        loading.delete(id);
      },
      (error: unknown) => {
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

/**
 * The messages of `language` once its first page's have arrived. Every other page's join
 * the same object when they arrive; a page other than the first renders only after
 * `loadPageMessages`.
 */
export function loadedMessages(language: TLanguage): TMessages | undefined {
  return loadedParts.has(`firstPage:${language}`) ? (arrived.get(language) as TMessages) : undefined;
}

/** Whether every message of `language` has arrived. */
export function hasAllMessages(language: TLanguage): boolean {
  return loadedParts.has(`firstPage:${language}`) && loadedParts.has(`pages:${language}`);
}

/** Loads the first page's messages of `language`: what the page needs before its first render. */
export function loadFirstPageMessages(language: TLanguage): Promise<void> {
  return loadPart('firstPage', language);
}

/** Loads every message of `language` (a switch to it, a prefetch). */
export async function loadMessages(language: TLanguage): Promise<void> {
  await Promise.all([loadPart('firstPage', language), loadPart('pages', language)]);
}

/**
 * Loads every page's messages of each language whose first page's are in (the one shown
 * among them): what a page other than the list and sign-in needs before it renders.
 */
export async function loadPageMessages(): Promise<void> {
  await Promise.all(
    LANGUAGES.filter((language) => loadedParts.has(`firstPage:${language}`)).map((language) =>
      loadPart('pages', language),
    ),
  );
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
