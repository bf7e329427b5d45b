import { CHECK_MESSAGES_EN } from './en/checks';
import { CLI_MESSAGES_EN } from './en/cli';
import { ERROR_MESSAGES_EN } from './en/errors';
import { PROBLEM_MESSAGES_EN } from './en/problems';
import { RUN_MESSAGES_EN } from './en/runs';
import { CHECK_MESSAGES_JA } from './ja/checks';
import { CLI_MESSAGES_JA } from './ja/cli';
import { ERROR_MESSAGES_JA } from './ja/errors';
import { PROBLEM_MESSAGES_JA } from './ja/problems';
import { RUN_MESSAGES_JA } from './ja/runs';
import type { TLanguage } from './language';

/**
 * Every message the server, the CLI and the SPA say from a code: validation problems
 * (`problem.*`), API errors (`error.*`, `hint.*`, `title.*`), run warnings (`run.*`), the
 * CLI's own (`cli.*`) and the approval gates' findings (`check.*`).
 * English is the source; Japanese has every code (the type says so, catalog.test.ts
 * checks the placeholders).
 */
export const MESSAGES_EN = {
  ...PROBLEM_MESSAGES_EN,
  ...ERROR_MESSAGES_EN,
  ...RUN_MESSAGES_EN,
  ...CLI_MESSAGES_EN,
  ...CHECK_MESSAGES_EN,
} as const;

export type TMessageCode = keyof typeof MESSAGES_EN;

export const MESSAGES: Record<TLanguage, Record<TMessageCode, string>> = {
  en: MESSAGES_EN,
  ja: {
    ...PROBLEM_MESSAGES_JA,
    ...ERROR_MESSAGES_JA,
    ...RUN_MESSAGES_JA,
    ...CLI_MESSAGES_JA,
    ...CHECK_MESSAGES_JA,
  },
};

export type TProblemMessageCode = Extract<TMessageCode, `problem.${string}`>;
export type TErrorMessageCode = Extract<TMessageCode, `error.${string}`>;
export type THintMessageCode = Extract<TMessageCode, `hint.${string}`>;
export type TCliMessageCode = Extract<TMessageCode, `cli.${string}`>;
export type TRunMessageCode = Extract<TMessageCode, `run.${string}`>;
export type TCheckMessageCode = Extract<TMessageCode, `check.${string}`>;

/** Characters that cannot be in a placeholder's name: `{"tables": ...}` and `{...}` are text. */
type TNonNameCharacter =
  | ' '
  | '"'
  | "'"
  | '.'
  | ','
  | '['
  | ']'
  | '{'
  | '('
  | ')'
  | '-'
  | '/'
  | '@'
  | '<'
  | '>'
  | '='
  | '*'
  | '\\'
  | '|'
  | '!'
  | '?'
  | ';'
  | '`'
  | '$';

type TPlaceholderName<TInside extends string> = TInside extends `${infer Name}:${string}`
  ? TPlaceholderName<Name>
  : TInside extends '' | `${string}${TNonNameCharacter}${string}`
    ? never
    : TInside;

/** The parameter names of a template: `{name}` and `{name:formatter}`. */
export type TPlaceholders<TTemplate extends string> =
  TTemplate extends `${string}{${infer Inside}}${infer Rest}`
    ? TPlaceholderName<Inside> | TPlaceholders<Rest>
    : never;

export type TMessageParamValue = string | number;
export type TMessageParamValues = Record<string, TMessageParamValue>;

/** The parameters a code's English template names, each required. */
export type TMessageParams<TCode extends TMessageCode> = {
  [Name in TPlaceholders<(typeof MESSAGES_EN)[TCode]>]: TMessageParamValue;
};

export function isMessageCode(code: string): code is TMessageCode {
  return Object.hasOwn(MESSAGES_EN, code);
}
