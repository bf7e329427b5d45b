import { languageOfLocale, type TLanguage } from '@planning-hub/contracts/messages/language';
import { readCliEnv } from './config/cli-env';

/*
 * The language of this run, kept apart from the message catalog (cli-text.ts) so that the
 * entry of the bundle, which sets it from --lang, stays small (scripts/build-cli.mjs).
 */

/** `--lang` of the command that runs, once main.ts has read it. */
let chosen: TLanguage | null = null;
let fromLocale: TLanguage | null = null;

/** `--lang ja|en`: the language of this run's sentences, over LANG. */
export function setCliLanguage(language: TLanguage): void {
  chosen = language;
}

/**
 * The language the CLI speaks: --lang, else the locale (LC_ALL, LC_MESSAGES, LANG:
 * `ja_JP.UTF-8` is Japanese), else English. The server is asked for it too (Accept-Language).
 */
export function cliLanguage(): TLanguage {
  if (chosen) return chosen;
  fromLocale ??= languageOfLocale(readCliEnv().locale);
  return fromLocale;
}
