import {
  isMessageCode,
  MESSAGES,
  type TMessageCode,
  type TMessageParams,
  type TMessageParamValues,
} from './catalog';
import { FORMATTERS, type TFormatterName } from './formatters';
import type { TLanguage } from './language';

/** `{name}` or `{name:formatter}`; braces around anything else (`{"tables": ...}`) are text. */
const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** A message by code, as an error or a record carries it: the code and its parameters. */
export type TMessage<TCode extends TMessageCode = TMessageCode> = {
  code: TCode;
  params: TMessageParamValues;
};

function fill(language: TLanguage, template: string, params: Readonly<TMessageParamValues>): string {
  return template.replace(PLACEHOLDER, (whole, name: string, formatter: string | undefined) => {
    const value = params[name];
    if (value === undefined) return whole;
    const format = formatter === undefined ? undefined : FORMATTERS[language][formatter as TFormatterName];
    return format ? format(String(value)) : String(value);
  });
}

/** The message of `code` in `language`, its placeholders filled from `params`. */
export function formatMessage<TCode extends TMessageCode>(
  language: TLanguage,
  code: TCode,
  params: TMessageParams<TCode>,
): string {
  return fill(language, MESSAGES[language][code], params as TMessageParamValues);
}

/** A message an error or a record carries (its code is known: the compiler checked it), in `language`. */
export function renderMessage(language: TLanguage, message: TMessage): string {
  return fill(language, MESSAGES[language][message.code], message.params);
}

/**
 * Sentences of the wire (a run warning's `messageParts`) as one text: English puts a space
 * between them, Japanese none. A part whose code this catalog does not know is left out.
 */
export function formatSentences(
  language: TLanguage,
  parts: readonly { messageCode: string; params: Readonly<TMessageParamValues> }[],
): string {
  const texts = parts
    .map((part) => formatMessageOf(language, part.messageCode, part.params))
    .filter((text) => text !== null);
  return texts.join(language === 'ja' ? '' : ' ');
}

/**
 * The message of a code that came over the wire (a problem record, a problem+json answer),
 * or null when this catalog does not know the code (a newer server): show the text then.
 */
export function formatMessageOf(
  language: TLanguage,
  code: string | undefined,
  params: Readonly<TMessageParamValues> | undefined,
): string | null {
  if (code === undefined || !isMessageCode(code)) return null;
  return fill(language, MESSAGES[language][code], params ?? {});
}

/** A code with its parameters checked against the template, for an error to carry. */
export function messageOf<TCode extends TMessageCode>(
  code: TCode,
  params: TMessageParams<TCode>,
): TMessage<TCode> {
  return { code, params: params as TMessageParamValues };
}
