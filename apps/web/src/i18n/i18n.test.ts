import { describe, expect, it } from 'vitest';
import { en as enFirstPage, type TMessages } from './en';
import { enPages } from './en-pages';
import { ja as jaFirstPage } from './ja';
import { jaPages } from './ja-pages';

// Each language's messages come in two parts (i18n/dictionaries.ts); the rules hold for all of them.
const en: TMessages = { ...enFirstPage, ...enPages };
const ja: TMessages = { ...jaFirstPage, ...jaPages };
import { interpolate, pickInitialLanguage } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Keys of `messages` that `other` lacks. */
const missingKeys = (messages: object, other: object) =>
  Object.keys(messages)
    .filter((key) => !(key in other))
    .sort();

/** Runbook names kept in English inside Japanese sentences (docs/glossary.md). */
const RUNBOOK_PHRASES = ['Planning Hub', 'Legacy mode', 'Missing InputSet'];

/** Two or more English words in a row, outside placeholders: a sentence left untranslated. */
function englishPhrases(text: string): string[] {
  let rest = text.replace(/\{\w+\}/g, ' ');
  for (const phrase of RUNBOOK_PHRASES) rest = rest.split(phrase).join(' ');
  return rest.match(/(?<![\w.@/-])\b[A-Za-z]+(?:[ ]+[A-Za-z]+)+\b(?![\w.@/-])/g) ?? [];
}

describe('messages', () => {
  it('has each key in one part only: the first page or the other pages', () => {
    expect(Object.keys(enFirstPage).filter((key) => key in enPages)).toEqual([]);
    expect(Object.keys(jaFirstPage).filter((key) => key in jaPages)).toEqual([]);
  });

  it('has every English key in Japanese, and every Japanese key in English', () => {
    expect({ missingInJapanese: missingKeys(en, ja), missingInEnglish: missingKeys(ja, en) }).toEqual({
      missingInJapanese: [],
      missingInEnglish: [],
    });
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, placeholders: placeholders(ja[key]) }).toEqual({
        key,
        placeholders: placeholders(en[key]),
      });
    }
  });

  it('has no empty text', () => {
    for (const messages of [en, ja]) {
      for (const [key, text] of Object.entries(messages))
        expect({ key, text: text.trim().length > 0 }).toEqual({ key, text: true });
    }
  });

  it('keeps the runbook names of the statuses in both languages', () => {
    for (const messages of [en, ja]) {
      expect([messages['status.draft'], messages['status.ready'], messages['status.archived']]).toEqual([
        'draft',
        'ready',
        'archived',
      ]);
    }
  });

  it('names the History columns as the runbook does in English, and as the glossary says in Japanese', () => {
    const columns = (messages: TMessages) => [
      messages['history.col.action'],
      messages['history.col.actor'],
      messages['history.col.comment'],
      messages['history.col.jst'],
    ];
    expect(columns(en)).toEqual(['Action', 'Actor', 'Comment', 'JST']);
    expect(columns(ja)).toEqual(['操作', '実行者', 'コメント', '日時(JST)']);
  });

  it('writes no English sentence in Japanese, only the runbook names, codes and paths', () => {
    const leftovers = Object.entries(ja).flatMap(([key, text]) =>
      englishPhrases(text).map((phrase) => `${key}: ${phrase}`),
    );
    expect(leftovers).toEqual([]);
  });

  it('finds an English phrase but not a file name, a reference or a runbook name', () => {
    expect(englishPhrases('続けるには Comment を入力してください')).toEqual([]);
    expect(englishPhrases('Input Sets を読み込み中')).toEqual(['Input Sets']);
    expect(englishPhrases('demand.csv と label@draft、Legacy mode の {count} 件')).toEqual([]);
  });
});

describe('interpolate', () => {
  it('fills placeholders and groups thousands', () => {
    expect(interpolate('{count} input sets in {label}', { count: 1234, label: 'weekly' })).toBe(
      '1,234 input sets in weekly',
    );
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('Open {ref}', {})).toBe('Open {ref}');
  });
});

describe('pickInitialLanguage', () => {
  it('prefers the stored choice', () => {
    expect(pickInitialLanguage('ja', ['en-US'])).toBe('ja');
  });

  it('falls back to the browser language, then English', () => {
    expect(pickInitialLanguage(null, ['ja-JP', 'en'])).toBe('ja');
    expect(pickInitialLanguage('fr', ['de-DE'])).toBe('en');
  });
});
