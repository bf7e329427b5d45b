import { describe, expect, it } from 'vitest';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { postSignIn } from '../support/sign-in';
import { serverWithUsersForFile } from '../support/server-with-users';
import type { TTestServer, TTokenCaller } from '../support/test-server';

/**
 * Issue 20: problem+json says `title`, `detail` and `hint` in the language Accept-Language
 * asks for (Japanese or English), and carries the message codes and parameters a client
 * needs to say them itself; the validation records keep their English `message`.
 */
let server: TTestServer;
let planner: TTokenCaller;

serverWithUsersForFile(['planner'], (started) => ([server, planner] = started));

async function problemOf(res: Response) {
  return ZProblemDetails.parse(await res.json());
}

describe('problem+json in the language of the request', () => {
  it('answers in English without Accept-Language, word for word as before, with the codes', async () => {
    const res = await server.fetch('/api/plans/input_sets/nowhere_label', { headers: planner.headers });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(await problemOf(res)).toMatchObject({
      title: 'Not Found',
      code: 'not_found',
      detail: "Input set 'nowhere_label' not found.",
      messageCode: 'error.input_set.not_found',
      params: { ref: 'nowhere_label' },
      hint: 'Check the label for typos; `planning list` shows every label and its exact reference.',
      hintCode: 'hint.input_set.check_label',
      hintParams: {},
    });
  });

  it('answers in Japanese to ja-JP (q-values weighed), keeping code and parameters', async () => {
    const res = await server.fetch('/api/plans/input_sets/nowhere_label', {
      headers: { ...planner.headers, 'accept-language': 'en;q=0.3, ja-JP;q=0.9' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-language')).toBe('ja');
    expect(await problemOf(res)).toMatchObject({
      title: '見つかりません',
      code: 'not_found',
      detail: '入力セット「nowhere_label」が見つかりません。',
      messageCode: 'error.input_set.not_found',
      params: { ref: 'nowhere_label' },
      hint: 'ラベルに入力ミスがないか確認してください。`planning list` ですべてのラベルと正確な参照を確認できます。',
    });
  });

  it('says a wrong password in Japanese', async () => {
    const user = await server.createUser('viewer');
    const res = await postSignIn(
      server.fetch,
      { username: user.username, password: 'not-the-password' },
      { 'accept-language': 'ja' },
    );
    expect(res.status).toBe(401);
    expect(await problemOf(res)).toMatchObject({
      code: 'unauthenticated',
      messageCode: 'error.auth.wrong_password',
      detail: 'ユーザー名またはパスワードが正しくありません。',
    });
  });

  it('says a refused bundle in Japanese and keeps its records in English, with their codes and parameters', async () => {
    const res = await server.fetch('/api/plans/input_sets/language_check/upload', {
      method: 'POST',
      headers: { ...planner.headers, 'accept-language': 'ja' },
      body: bundleFormData(
        { version_id: '2027-01-A' },
        { 'demand.csv': 'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,"1,234",pcs\n' },
      ),
    });
    expect(res.status).toBe(422);
    const problem = await problemOf(res);
    expect(problem).toMatchObject({
      code: 'validation_failed',
      messageCode: 'error.upload.validation_failed',
      params: { count: 1 },
      detail: 'バンドルに 1 件のエラーがあります。何も保存していません。',
      hintCode: 'hint.upload.fix_rows',
    });
    expect(problem.errors).toContainEqual(
      expect.objectContaining({
        code: 'wrong_type',
        column: 'quantity',
        messageCode: 'problem.wrong_type.decimal_thousands',
        params: { text: '1,234', fixed: '1234' },
        message: "quantity '1,234' has thousands separators; write 1234 without commas.",
      }),
    );
  });

  it('says the errors of no route and of a refused role in Japanese too', async () => {
    const missing = await server.fetch('/api/no/such/route', {
      headers: { ...planner.headers, 'accept-language': 'ja' },
    });
    expect(await problemOf(missing)).toMatchObject({
      code: 'not_found',
      messageCode: 'error.api.no_route',
      detail: 'API のルート GET /api/no/such/route はありません。',
    });
    const refused = await server.fetch('/api/admin/users', {
      headers: { ...planner.headers, 'accept-language': 'ja' },
    });
    expect(refused.status).toBe(403);
    expect(await problemOf(refused)).toMatchObject({
      code: 'forbidden',
      messageCode: 'error.auth.role',
      params: { role: 'admin', actual: 'planner' },
      detail: 'この操作には admin ロールが必要です(現在のロールは planner です)。',
    });
  });
});
