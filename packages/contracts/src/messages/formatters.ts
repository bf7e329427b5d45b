import type { TLanguage } from './language';

/**
 * How a placeholder written `{name:formatter}` shows its parameter in each language: the
 * parameter stays language-neutral (a character, a granularity code, a list of names) and
 * the words around it are the language's.
 */
export type TFormatter = (value: string) => string;
export type TFormatterName = 'char' | 'or_list' | 'period_shape' | 'revision_states';

const CHARACTER_NAMES: Record<TLanguage, Record<string, string>> = {
  en: {
    ' ': 'a space',
    '\u3000': 'a full-width space',
    '\t': 'a tab',
    '\r': 'a line break',
    '\n': 'a line break',
    ',': 'a comma',
    '"': 'a double quote',
  },
  ja: {
    ' ': 'スペース',
    '\u3000': '全角スペース',
    '\t': 'タブ',
    '\r': '改行',
    '\n': '改行',
    ',': 'カンマ',
    '"': 'ダブルクォート',
  },
};

const PERIOD_SHAPES: Record<TLanguage, Record<string, string>> = {
  en: {
    month: 'YYYY-MM, e.g. 2027-01',
    week: 'YYYY-Www (ISO week), e.g. 2027-W05',
    day: 'YYYY-MM-DD, e.g. 2027-01-04',
  },
  ja: {
    month: 'YYYY-MM(例: 2027-01)',
    week: 'YYYY-Www(ISO 週、例: 2027-W05)',
    day: 'YYYY-MM-DD(例: 2027-01-04)',
  },
};

/** A character as a reader can find it in the cell: `a space`, `'#' (U+0023)`. */
function describeCharacter(language: TLanguage, char: string): string {
  const named = CHARACTER_NAMES[language][char];
  if (named) return named;
  const codePoint = char.codePointAt(0) ?? 0;
  return `'${char}' (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** `a,b,c` as `a, b or c` (`a、b または c`). */
function orList(language: TLanguage, value: string): string {
  const items = value.split(',');
  if (items.length < 2) return value;
  const last = items.pop()!;
  return language === 'ja' ? `${items.join('、')} または ${last}` : `${items.join(', ')} or ${last}`;
}

/** `r3=ready,r4=draft` as `r3 is ready, r4 is draft` (`r3 は ready、r4 は draft`). */
function revisionStates(language: TLanguage, value: string): string {
  const states = value.split(',').map((entry) => entry.split('='));
  return language === 'ja'
    ? states.map(([revision, status]) => `${revision} は ${status}`).join('、')
    : states.map(([revision, status]) => `${revision} is ${status}`).join(', ');
}

export const FORMATTERS: Record<TLanguage, Record<TFormatterName, TFormatter>> = {
  en: {
    char: (value) => describeCharacter('en', value),
    or_list: (value) => orList('en', value),
    period_shape: (value) => PERIOD_SHAPES.en[value] ?? value,
    revision_states: (value) => revisionStates('en', value),
  },
  ja: {
    char: (value) => describeCharacter('ja', value),
    or_list: (value) => orList('ja', value),
    period_shape: (value) => PERIOD_SHAPES.ja[value] ?? value,
    revision_states: (value) => revisionStates('ja', value),
  },
};
