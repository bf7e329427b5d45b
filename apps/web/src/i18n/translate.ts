import { isLanguage, type TLanguage } from '@planning-hub/contracts/messages/language';

// One list of languages for the SPA, the API and the CLI (the message catalog's).
export { isLanguage, LANGUAGES, type TLanguage } from '@planning-hub/contracts/messages/language';

export type TVars = Record<string, string | number>;

const NUMBER = new Intl.NumberFormat('en-US');

/** Replaces `{name}` placeholders; numbers get thousands separators. */
export function interpolate(template: string, vars?: TVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? NUMBER.format(value) : value;
  });
}

/** The stored choice, else the browser's preference, else English. */
export function pickInitialLanguage(stored: string | null, browserLanguages: readonly string[]): TLanguage {
  if (isLanguage(stored)) return stored;
  return browserLanguages.some((tag) => tag.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

/**
 * `t` and `tc` over one language's messages (the provider's, and the unit tests' of
 * sentences built from several messages). `tc` picks `<key>.one` for 1.
 */
export function createTranslators<TKey extends string>(messages: Record<TKey, string>) {
  return {
    t: (key: TKey, vars?: TVars) => interpolate(messages[key], vars),
    tc: (key: TKey, count: number, vars?: TVars) =>
      interpolate(messages[(count === 1 && `${key}.one` in messages ? `${key}.one` : key) as TKey], {
        ...vars,
        count,
      }),
  };
}
