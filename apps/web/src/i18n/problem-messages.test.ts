import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type TProblem, type TProblemCode } from '@planning-hub/contracts/problems';
import type { TMessageKey } from './en';
import { ja } from './ja';
import { translateProblem } from './problem-messages';
import { interpolate, type TVars } from './translate';

const t = (key: TMessageKey, vars?: TVars) => interpolate(ja[key], vars);

function problem(code: TProblemCode, fields: Partial<TProblem> = {}): TProblem {
  return {
    severity: PROBLEM_CODES[code],
    code,
    table: 'demand',
    file: 'demand.csv',
    row: 3,
    column: 'quantity',
    value: 'abc',
    message: 'The server says it in English.',
    ...fields,
  };
}

describe('translateProblem', () => {
  it('says a wrong value in Japanese from the record: column and value', () => {
    expect(translateProblem(problem('wrong_type'), t)).toBe('quantity の値「abc」の形式が正しくありません。');
    expect(translateProblem(problem('wrong_type', { value: '' }), t)).toBe(
      'quantity が空です。すべての行に値が必要です。',
    );
  });

  it('names the misspelt header cell of a missing column', () => {
    expect(translateProblem(problem('missing_column', { row: 1, column: 'quantity', value: 'qty' }), t)).toBe(
      'demand.csv に列「quantity」がありません。ヘッダーの「qty」を「quantity」に直してください。',
    );
  });

  it('says an ignored file in Japanese, but leaves the entries of input_set.json to the server', () => {
    const extra = problem('unknown_file', {
      table: null,
      file: 'extra.csv',
      row: null,
      column: null,
      value: null,
    });
    expect(translateProblem(extra, t)).toBe(
      'ファイル「extra.csv」はバンドルで使われないため、無視されます。',
    );
    expect(translateProblem({ ...extra, file: 'input_set.json' }, t)).toBeNull();
  });

  it('leaves to the server what the fields cannot say: a share sum, a parser error, undecodable bytes', () => {
    for (const code of ['mix_share_sum', 'unparsable_row', 'param_invalid', 'undecodable_bytes'] as const) {
      expect({ code, text: translateProblem(problem(code), t) }).toEqual({ code, text: null });
    }
  });

  it('translates every other code when its record has the fields it needs', () => {
    const translatable = (Object.keys(PROBLEM_CODES) as TProblemCode[]).filter(
      (code) => !['mix_share_sum', 'unparsable_row', 'param_invalid', 'undecodable_bytes'].includes(code),
    );
    for (const code of translatable) {
      const text = translateProblem(problem(code), t);
      expect({ code, isJapanese: /[\u3040-\u30ff\u4e00-\u9fff]/.test(text ?? '') }).toEqual({
        code,
        isJapanese: true,
      });
    }
  });
});
