import { beforeAll, describe, expect, it } from 'vitest';
import type { TProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { PROBLEM_CODES, type TProblem, type TProblemCode } from '@planning-hub/contracts/problems';
import { loadProblemMessages, translateApiProblem, translateProblem } from './problem-messages';

// The catalog is a lazy chunk in the SPA: loaded before the first problem is said.
beforeAll(() => loadProblemMessages());

function problem(code: TProblemCode, fields: Partial<TProblem> = {}): TProblem {
  return {
    severity: PROBLEM_CODES[code],
    code,
    table: 'demand',
    file: 'demand.csv',
    row: 3,
    column: 'quantity',
    value: 'abc',
    messageCode: 'problem.wrong_type.decimal',
    params: { text: 'abc' },
    message: "quantity 'abc' is not a number (plain decimal notation, e.g. 1234.5).",
    ...fields,
  };
}

describe('translateProblem', () => {
  it("says a validation problem in the reader's language from its code, parameters and fields", () => {
    expect(translateProblem(problem('wrong_type'), 'ja')).toBe(
      'quantity の値「abc」は数値ではありません(通常の小数表記で書きます。例: 1234.5)。',
    );
    expect(translateProblem(problem('wrong_type'), 'en')).toBe(problem('wrong_type').message);
  });

  it('says what only the parameters hold: the share sum and its rows', () => {
    const shares = problem('mix_share_sum', {
      table: 'mix',
      file: 'mix.csv',
      row: 2,
      column: 'share',
      value: '0.9',
      messageCode: 'problem.mix_share_sum',
      params: { resource: 'ライン1', sum: '0.9', rows: 2 },
    });
    expect(translateProblem(shares, 'ja')).toBe(
      'リソース「ライン1」のシェアの合計が 0.9 です(2 行、最初の行は 2 行目)。合計は 1 にしてください。',
    );
    expect(translateProblem(shares, 'en')).toBe(
      "The shares of resource 'ライン1' sum to 0.9 over 2 rows (the first on line 2); they must sum to 1.",
    );
  });

  it('names the misspelt header cell of a missing column', () => {
    const missing = problem('missing_column', {
      row: 1,
      value: 'qty',
      messageCode: 'problem.missing_column.renamed',
      params: { typed: 'qty' },
    });
    expect(translateProblem(missing, 'ja')).toBe(
      'demand.csv に列「quantity」がありません。ヘッダーの「qty」を「quantity」に直してください。',
    );
  });

  it('leaves a record without a known code to its English message', () => {
    expect(
      translateProblem(problem('wrong_type', { messageCode: 'problem.from_a_newer_server' }), 'ja'),
    ).toBeNull();
    expect(
      translateProblem(
        problem('wrong_type', { messageCode: 'problem.as_recorded', params: { message: 'Old text.' } }),
        'ja',
      ),
    ).toBeNull();
  });
});

describe('translateApiProblem', () => {
  const notFound: TProblemDetails = {
    type: 'https://planning-hub.dev/problems/not_found',
    title: 'Not Found',
    status: 404,
    detail: "Input set 'foo@draft' not found.",
    code: 'not_found',
    messageCode: 'error.input_set.not_found',
    params: { ref: 'foo@draft' },
    hint: 'Check the label for typos; `planning list` shows every label and its exact reference.',
    hintCode: 'hint.input_set.check_label',
    hintParams: {},
  };

  it("says detail and hint in the reader's language, whatever language the answer came in", () => {
    expect(translateApiProblem(notFound, 'ja')).toEqual({
      detail: '入力セット「foo@draft」が見つかりません。',
      hint: 'ラベルに入力ミスがないか確認してください。`planning list` ですべてのラベルと正確な参照を確認できます。',
    });
    expect(translateApiProblem(notFound, 'en').detail).toBe(notFound.detail);
  });

  it('keeps the text of a code it does not know', () => {
    expect(
      translateApiProblem({ ...notFound, messageCode: 'error.newer', hintCode: undefined }, 'ja'),
    ).toEqual({
      detail: notFound.detail,
      hint: notFound.hint,
    });
  });
});
