/** The languages messages are written in (the SPA's, the API's and the CLI's). */
export const LANGUAGES = ['en', 'ja'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is TLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language a tag (`ja`, `ja-JP`, `en-US`, `*`) names, if it is one of ours. */
function languageOfTag(tag: string): TLanguage | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : null;
}

/**
 * The language an Accept-Language header asks for (RFC 9110 section 12.5.4): the supported
 * one of the highest q-value, the first listed on a tie; English when none is supported.
 */
export function languageOfAcceptLanguage(header: string | undefined): TLanguage {
  let best: { language: TLanguage; q: number } | null = null;
  for (const part of (header ?? '').slice(0, 1000).split(',')) {
    const [tag = '', ...parameters] = part.split(';');
    const language = languageOfTag(tag);
    if (!language) continue;
    const qParameter = parameters.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
}

/** The language of a POSIX locale (LC_ALL, LC_MESSAGES or LANG: `ja_JP.UTF-8`); English otherwise. */
export function languageOfLocale(locale: string | undefined): TLanguage {
  return languageOfTag((locale ?? '').split('.')[0] ?? '') ?? 'en';
}
