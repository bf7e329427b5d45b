import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@planning-hub/contracts/messages/language';
import { paths } from '../config/paths';
import { en } from '../i18n/en';
import { LANGUAGE_STORAGE_KEY } from '../i18n/initial-language';
import { ja } from '../i18n/ja';
import { pickInitialLanguage } from '../i18n/translate';
import {
  FIRST_PAINT_CSS,
  FIRST_PAINT_PAGE_MARKER,
  FIRST_PAINT_LANGUAGES,
  FIRST_PAINT_LIST_PATHS,
  FIRST_PAINT_STORAGE_KEY,
  firstPaintScript,
  firstPaintShell,
  paintedPage,
} from './first-paint';

/** Runs the script against a stand-in for the browser: what it set on <html>. */
function runScript(stored: string | null, browser: readonly string[], pathname: string) {
  const attributes: Record<string, string> = {};
  const root = { lang: 'en', setAttribute: (name: string, value: string) => (attributes[name] = value) };
  runInNewContext(firstPaintScript(), {
    document: { documentElement: root },
    navigator: { languages: browser, language: browser[0] },
    window: {
      location: { pathname },
      localStorage: {
        getItem: (key: string) => (key === FIRST_PAINT_STORAGE_KEY ? stored : null),
      },
    },
  });
  return { lang: root.lang, list: attributes['data-first-paint'] === 'list' };
}

describe('the first paint shell', () => {
  it('shares its constants with the app', () => {
    expect(FIRST_PAINT_STORAGE_KEY).toBe(LANGUAGE_STORAGE_KEY);
    expect([...FIRST_PAINT_LANGUAGES]).toEqual([...LANGUAGES]);
    expect(FIRST_PAINT_LIST_PATHS).toEqual([paths.home.path, '/ui', paths.inputSets.path]);
  });

  it("picks the reader's language as the app does", () => {
    const browsers = [['en-US'], ['ja-JP', 'en'], ['en-GB', 'ja'], ['JA'], ['fr'], []];
    for (const stored of [null, 'en', 'ja', 'de', '']) {
      for (const browser of browsers) {
        expect(runScript(stored, browser, '/ui/plans/input_sets').lang, `${stored} ${browser.join()}`).toBe(
          pickInitialLanguage(stored, browser),
        );
      }
    }
  });

  it('marks the list and nothing else', () => {
    for (const path of ['/', '/ui', '/ui/', '/ui/plans/input_sets', '/ui/plans/input_sets/'])
      expect(runScript(null, ['en'], path).list, path).toBe(true);
    for (const path of [
      '/ui/sign-in',
      '/ui/plans/input_sets/upload',
      '/ui/plans/input_sets/weekly',
      '/ui/plans',
    ])
      expect(runScript(null, ['en'], path).list, path).toBe(false);
  });

  it("shows the list's heading and intro in each language, each hidden unless it is the page's", () => {
    const shell = firstPaintShell({ en, ja });
    for (const [language, messages] of [
      ['en', en],
      ['ja', ja],
    ] as const) {
      expect(shell).toContain(`<h1 lang="${language}">${messages['list.title']}</h1>`);
      expect(shell).toContain(`<p class="muted" lang="${language}">${messages['list.intro']}</p>`);
      expect(FIRST_PAINT_CSS).toContain(
        `html:not([lang="${language}"]) .first-paint [lang="${language}"]{display:none}`,
      );
    }
    expect(FIRST_PAINT_CSS).toContain('.first-paint{display:none}');
  });

  it('marks where the API paints the list, before the heading and intro it then stands in for', () => {
    const shell = firstPaintShell({ en, ja });
    expect(shell.indexOf(FIRST_PAINT_PAGE_MARKER)).toBeGreaterThan(0);
    expect(shell.indexOf(FIRST_PAINT_PAGE_MARKER)).toBeLessThan(shell.indexOf('first-paint-heading'));
    for (const language of FIRST_PAINT_LANGUAGES) {
      expect(paintedPage(language, '<p>x</p>')).toBe(
        `<div class="first-paint-page" lang="${language}"><p>x</p></div>`,
      );
      // Shown only in the page's language (the rule above), and then in place of the heading and intro.
      expect(FIRST_PAINT_CSS).toContain(
        `.first-paint-page[lang="${language}"]~.first-paint-heading [lang="${language}"]{display:none}`,
      );
    }
  });
});
