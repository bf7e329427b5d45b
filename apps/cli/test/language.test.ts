import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '@planning-hub/test-support/bundle-files';
import { startTestServer, type TTestServer } from '../../api/test/support/test-server';
import { cliWorkspace, type TCliWorkspace } from './support/planning';
import { importArgs } from './support/planning-args';

/**
 * Issue 20: the CLI speaks Japanese under LANG=ja_JP.UTF-8 or --lang ja, its own sentences
 * and the server's (it sends Accept-Language); --json stays as it is.
 */
let server: TTestServer;
let english: TCliWorkspace;
let japanese: TCliWorkspace;

const BAD_DEMAND = 'item_code,location_code,period,quantity,uom\n部品-001,東京DC,2027-01,"1,234",pcs\n';

beforeAll(async () => {
  server = await startTestServer({ localOperator: true });
  english = await cliWorkspace({ cwd: server.workDir });
  japanese = await cliWorkspace({ cwd: server.workDir, env: { LANG: 'ja_JP.UTF-8' } });
});
afterAll(async () => {
  await english?.cleanup();
  await japanese?.cleanup();
  await server?.close();
});

describe('planning in Japanese', () => {
  it('says an unreachable server in the language of LANG, or of --lang over it', async () => {
    const ja = await japanese.planning('list', '--server', 'http://127.0.0.1:9');
    expect(ja.code).toBe(1);
    expect(ja.stderr).toMatch(
      /^エラー: http:\/\/127\.0\.0\.1:9 で応答する Planning Hub サーバーがありません/,
    );
    expect(ja.stderr).toMatch(/\nヒント: /);
    const en = await japanese.planning('list', '--server', 'http://127.0.0.1:9', '--lang', 'en');
    expect(en.stderr).toMatch(/^error: no Planning Hub server answers at http:\/\/127\.0\.0\.1:9 /);
    const asked = await english.planning('list', '--server', 'http://127.0.0.1:9', '--lang', 'ja');
    expect(asked.stderr).toMatch(/^エラー: /);
  });

  it('prints the import report and its validation problems in Japanese, and the server refusal too', async () => {
    const dir = await writeBundle({ 'demand.csv': BAD_DEMAND });
    const ja = await japanese.planning(...importArgs(dir, '2027-01-A', 'lang_check'));
    expect(ja.code).toBe(2);
    expect(ja.stdout).toContain("✗ 'lang_check' は保存されませんでした。バンドルに 1 件のエラーがあります。");
    expect(ja.stdout).toContain(
      'demand.csv, 2 行目, 列 quantity: quantity の値「1,234」に桁区切りがあります。カンマなしで 1234 と書いてください。 [wrong_type]',
    );

    const en = await english.planning(...importArgs(dir, '2027-01-A', 'lang_check'));
    expect(en.stdout).toContain(
      "demand.csv, row 2, column quantity: quantity '1,234' has thousands separators; write 1234 without commas. [wrong_type]",
    );

    const missing = await japanese.planning('export', '--label', 'nowhere_label@draft', '-o', 'out/nowhere');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('エラー: 入力セット「nowhere_label@draft」が見つかりません。');
  });

  it('keeps --json as it is: the records carry their English message and their codes', async () => {
    const dir = await writeBundle({ 'demand.csv': BAD_DEMAND });
    const run = await japanese.planning(...importArgs(dir, '2027-01-A', 'lang_json', '--json'));
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { problems: { message: string; messageCode: string }[] };
    expect(report.problems[0]).toMatchObject({
      messageCode: 'problem.wrong_type.decimal_thousands',
      message: "quantity '1,234' has thousands separators; write 1234 without commas.",
    });
  });

  it('says a successful import and approval in Japanese', async () => {
    const dir = await writeBundle();
    const imported = await japanese.planning(...importArgs(dir, '2027-01-A', 'lang_ok'));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("✓ 'lang_ok' を draft r1(lang_ok@draft)としてインポートしました");
  });
});
