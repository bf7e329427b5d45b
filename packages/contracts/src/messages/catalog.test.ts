import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../problems';
import { MESSAGES, MESSAGES_EN, type TMessageCode } from './catalog';
import { FORMATTERS } from './formatters';
import { formatMessage, formatMessageOf } from './format-message';
import { languageOfAcceptLanguage, languageOfLocale, LANGUAGES } from './language';

const CODES = Object.keys(MESSAGES_EN) as TMessageCode[];
const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** `name` and `name:formatter` of a template, sorted. */
const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[0]).sort();

/** Runbook names and technical words that stay English inside Japanese sentences (docs/glossary.md). */
const KEPT_PHRASES = ['Planning Hub', 'Legacy mode', 'Missing InputSet', 'CSV UTF-8', 'Excel'];

/** Runs of two or more English words outside placeholders, `code` and the kept phrases: an untranslated sentence. */
function englishPhrases(text: string): string[] {
  let rest = text.replace(PLACEHOLDER, '0').replace(/`[^`]*`/g, ' ');
  for (const phrase of KEPT_PHRASES) rest = rest.split(phrase).join(' ');
  return rest.match(/(?<![\w.@/<-])\b[A-Za-z]+(?:[ ]+[A-Za-z]+)+\b(?![\w.@/>-])/g) ?? [];
}

describe('the message catalog', () => {
  it('has every code in Japanese, and no code only in Japanese', () => {
    const missing = CODES.filter((code) => !MESSAGES.ja[code]?.trim());
    const extra = Object.keys(MESSAGES.ja).filter((code) => !(code in MESSAGES_EN));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('uses the same placeholders in every language', () => {
    const differing = CODES.filter(
      (code) => placeholders(MESSAGES.ja[code]).join() !== placeholders(MESSAGES.en[code]).join(),
    );
    expect(differing.map((code) => `${code}: ${MESSAGES.ja[code]}`)).toEqual([]);
  });

  it('names only formatters that exist, in every language', () => {
    for (const language of LANGUAGES) {
      for (const code of CODES) {
        for (const [, , formatter] of MESSAGES[language][code].matchAll(PLACEHOLDER)) {
          if (formatter)
            expect({ code, formatter, exists: formatter in FORMATTERS[language] }).toEqual({
              code,
              formatter,
              exists: true,
            });
        }
      }
    }
  });

  it('writes no English sentence in Japanese, only runbook names, codes, commands and paths', () => {
    const leftovers = CODES.flatMap((code) =>
      englishPhrases(MESSAGES.ja[code]).map((phrase) => `${code}: ${phrase}`),
    );
    expect(leftovers).toEqual([]);
  });

  it('has a message for every kind of validation problem', () => {
    const without = Object.keys(PROBLEM_CODES).filter(
      (code) => !CODES.some((c) => c === `problem.${code}` || c.startsWith(`problem.${code}.`)),
    );
    expect(without).toEqual([]);
  });

  it('fills every placeholder it is given, and leaves none behind', () => {
    for (const language of LANGUAGES) {
      for (const code of CODES) {
        const params = Object.fromEntries(
          [...MESSAGES.en[code].matchAll(PLACEHOLDER)].map((m) => [m[1], 'x']),
        );
        expect({ code, text: formatMessageOf(language, code, params) }).not.toEqual({
          code,
          text: expect.stringMatching(/\{\w+(:\w+)?\}/),
        });
      }
    }
  });

  it('says the English of the formatted parameters as the validation always did', () => {
    expect(
      formatMessage('en', 'problem.period_granularity.other_granularity', {
        column: 'period',
        text: '2027-01',
        actual: 'month',
        granularity: 'week',
      }),
    ).toBe(
      "period '2027-01' is a month period, but period_granularity is 'week' (write YYYY-Www (ISO week), e.g. 2027-W05).",
    );
    expect(
      formatMessage('en', 'problem.invalid_code.character', {
        column: 'item_code',
        text: 'A B',
        character: ' ',
      }),
    ).toBe("item_code 'A B' contains a space; codes are letters, digits and _ - . / : only.");
    expect(
      formatMessage('en', 'problem.undecodable_bytes', {
        file: 'demand.csv',
        tried: 'UTF-8,Shift_JIS',
        value: '82 A0',
        row: 3,
        offset: 41,
        encoding: 'Shift_JIS',
      }),
    ).toBe(
      'demand.csv cannot be read as UTF-8 or Shift_JIS: the bytes 82 A0 on line 3 (byte offset 41) are not valid Shift_JIS. Save it as UTF-8 (or Shift_JIS), or pick the right encoding.',
    );
    expect(
      formatMessage('en', 'error.review.gone_state', { ref: 'w@draft', state: 'r3=ready,r4=archived' }),
    ).toBe("'w@draft' no longer exists (r3 is ready, r4 is archived); reload and try again.");
  });

  it('says them in Japanese with the same parameters', () => {
    expect(
      formatMessage('ja', 'problem.invalid_code.character', {
        column: 'item_code',
        text: 'A B',
        character: ' ',
      }),
    ).toBe(
      'item_code の値「A B」にスペースが含まれています。コードに使えるのは文字、数字と _ - . / : だけです。',
    );
    expect(formatMessage('ja', 'error.upload.validation_failed', { count: 12 })).toBe(
      'バンドルに 12 件のエラーがあります。何も保存していません。',
    );
  });

  it('leaves a code it does not know to the caller (a newer server)', () => {
    expect(formatMessageOf('ja', 'error.from_the_future', {})).toBeNull();
    expect(formatMessageOf('ja', undefined, undefined)).toBeNull();
  });
});

describe('the language of a request or a terminal', () => {
  it.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7', 'ja'],
    ['en-US,en;q=0.9,ja;q=0.8', 'en'],
    ['fr-FR,ja;q=0.5', 'ja'],
    ['en;q=0.2, ja;q=0.8', 'ja'],
    ['ja;q=0, en', 'en'],
    ['de', 'en'],
    ['*', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('reads Accept-Language %j as %s', (header, language) => {
    expect(languageOfAcceptLanguage(header)).toBe(language);
  });

  it.each([
    ['ja_JP.UTF-8', 'ja'],
    ['ja_JP', 'ja'],
    ['en_US.UTF-8', 'en'],
    ['C.UTF-8', 'en'],
    ['C', 'en'],
    [undefined, 'en'],
  ])('reads the locale %j as %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});
