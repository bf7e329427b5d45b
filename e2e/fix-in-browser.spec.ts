import { expect, test, type Download } from '@playwright/test';
import { encodeText } from '../packages/planner-files/src/encode-text';
import { createUser, dropFiles, readBundle, signIn, snap, switchLanguage } from './support';
import { expectPageHoldsUp } from './support-i18n';

// Issue 21: a refused bundle is fixed in the browser. The planner sees the rows with
// problems in a grid, applies bulk fixes, checks again on the server (a dry run that
// stores nothing), stores the edited files, and History says the upload carried the edits.

const PLANNER = { username: 'fix_planner', password: 'fix-planner-password-1', role: 'planner' as const };

/** The sample bundle with a quantity in full-width digits (line 2) and one with a thousands separator (line 3). */
function bundleWithTypos(): Record<string, string> {
  const bundle = readBundle();
  const demand = (bundle['demand.csv'] ?? '').trimEnd().split('\n');
  demand[1] = demand[1]!.replace(/,120,/, ',１２０,');
  demand[2] = demand[2]!.replace(/,135,/, ',"1,135",');
  bundle['demand.csv'] = `${demand.join('\r\n')}\r\n`;
  return bundle;
}

async function downloadedBytes(download: Promise<Download>): Promise<{ name: string; bytes: Buffer }> {
  const file = await download;
  const chunks = await (await file.createReadStream()).toArray();
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

test.beforeAll(() => {
  createUser(PLANNER);
});

test('a planner fixes full-width digits and a thousands separator in the browser, checks again and stores', async ({
  page,
}) => {
  const label = 'fixed_in_browser';
  await signIn(page, PLANNER);
  await page.goto('/ui/plans/input_sets/upload');
  await page.getByRole('textbox', { name: /^Label/ }).fill(label);
  await page.getByLabel('Version id').fill('2027-W01-fix');

  // demand.csv as Excel in Japan saves it: Shift_JIS with CRLF; the edited file must stay so.
  const bundle = bundleWithTypos();
  const files = Object.fromEntries(
    Object.entries(bundle).map(([name, text]) => [
      name,
      name === 'demand.csv' ? encodeText(text, 'shift_jis') : new TextEncoder().encode(text),
    ]),
  );
  await dropFiles(page, files, /drop files here/i);
  await page.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(page.getByRole('heading', { name: 'Validation failed: nothing was stored' })).toBeVisible();

  const fix = page.getByRole('region', { name: 'Fix in the browser' });
  const fullWidth = fix.getByRole('textbox', { name: 'quantity, row 2' });
  const separated = fix.getByRole('textbox', { name: 'quantity, row 3' });
  await expect(fullWidth).toHaveValue('１２０');
  await expect(fullWidth).toHaveAttribute('aria-invalid', 'true');
  await expect(separated).toHaveValue('1,135');
  await expect(
    fix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2', exact: true }) }),
  ).toContainText('full-width');

  // The problems as CSV for Excel: a BOM, and a formula-safe line per problem.
  const problemsCsv = await downloadedBytes(
    Promise.all([
      page.waitForEvent('download'),
      fix.getByRole('button', { name: 'Download the problems (CSV)' }).click(),
    ]).then(([d]) => d),
  );
  expect(problemsCsv.name).toBe(`${label}-problems.csv`);
  expect([...problemsCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const problemLines = problemsCsv.bytes.subarray(3).toString('utf8').split('\r\n');
  expect(problemLines[0]).toBe('file,row,column,value,code,message');
  expect(problemLines).toContainEqual(expect.stringMatching(/^demand\.csv,2,quantity,１２０,wrong_type,/));
  expect(problemLines).toContainEqual(expect.stringMatching(/^demand\.csv,3,quantity,"1,135",wrong_type,/));
  await snap(page, 'fix-in-browser-refused');

  const bulk = fix.getByRole('form', { name: 'Bulk fixes' });
  await bulk
    .getByLabel('Fix', { exact: true })
    .selectOption({ label: 'Full-width digits to half-width (１２３ → 123)' });
  await expect(bulk).toContainText('Changes 1 marked cell.');
  await bulk.getByRole('button', { name: 'Apply' }).click();
  await expect(fullWidth).toHaveValue('120');
  await bulk
    .getByLabel('Fix', { exact: true })
    .selectOption({ label: 'Remove thousands separators (1,234 → 1234)' });
  await bulk.getByLabel('Apply to').selectOption({ label: 'demand.csv · quantity' });
  await expect(bulk).toContainText('Changes 1 marked cell.');
  await bulk.getByRole('button', { name: 'Apply' }).click();
  await expect(separated).toHaveValue('1135');
  await expect(fix).toContainText('2 cells edited');

  await fix.getByRole('button', { name: 'Check again' }).click();
  const status = fix.getByRole('status').first();
  await expect(status).toContainText('Found by the last check:');
  await expect(status).toContainText('0 errors');
  await expect(fix.getByText('No errors left: store the edited files.')).toBeVisible();
  await expect(fullWidth).not.toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'fix-in-browser-checked');

  // The edited demand.csv: still Shift_JIS with CRLF, only its two rows changed.
  const edited = await downloadedBytes(
    Promise.all([
      page.waitForEvent('download'),
      fix.getByRole('button', { name: 'Download demand.csv' }).click(),
    ]).then(([d]) => d),
  );
  expect(edited.name).toBe('demand.csv');
  const fixedText = bundle['demand.csv']!.replace(',１２０,', ',120,').replace(',"1,135",', ',1135,');
  expect(edited.bytes.equals(Buffer.from(encodeText(fixedText, 'shift_jis')))).toBe(true);

  await fix.getByRole('button', { name: 'Store the edited files' }).click();
  await expect(page.getByRole('heading', { name: 'Stored as draft' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Fix in the browser' })).toHaveCount(0);

  await page.goto(`/ui/plans/input_sets/${label}@draft/history`);
  const uploadRow = page
    .getByRole('table', { name: `Audit events of ${label}` })
    .getByRole('row')
    .filter({ hasText: 'upload' });
  await expect(uploadRow).toContainText('2 cells edited in the browser');
  await expect(uploadRow).toContainText(PLANNER.username);
  await snap(page, 'fix-in-browser-history');
});

test('in Japanese: the refused bundle, its grid and the bulk fixes hold up at 1440 and 390 px', async ({
  page,
}) => {
  const label = 'fixed_in_browser_ja';
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, PLANNER);
  await page.goto('/ui/plans/input_sets/upload');
  await switchLanguage(page, 'ja');
  await page.getByRole('textbox', { name: /^ラベル/ }).fill(label);
  await page.getByLabel(/^バージョンID/).fill('2027-W01-fix');
  const files = Object.fromEntries(
    Object.entries(bundleWithTypos()).map(([name, text]) => [name, new TextEncoder().encode(text)]),
  );
  await dropFiles(page, files, /ここにファイルをドロップ/);
  await page.getByRole('button', { name: 'アップロードして検証' }).click();
  await expect(page.getByRole('heading', { name: '検証エラーのため、何も保存されていません' })).toBeVisible();

  const fix = page.getByRole('region', { name: 'ブラウザで修正' });
  await expect(fix.getByRole('textbox', { name: 'quantity、2 行目' })).toHaveValue('１２０');
  const dataValues = [label, `${label}@draft`, PLANNER.username];
  await expectPageHoldsUp(page, {
    name: 'fix in the browser, refused (ja, 1440 px)',
    language: 'ja',
    dataValues,
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectPageHoldsUp(page, {
    name: 'fix in the browser, refused (ja, 390 px)',
    language: 'ja',
    dataValues,
  });
  await snap(page, 'fix-in-browser-ja-phone');

  const bulk = fix.getByRole('form', { name: '一括修正' });
  await bulk.getByRole('button', { name: '適用' }).click();
  await bulk.getByLabel('修正内容').selectOption({ label: '桁区切りのカンマを削除(1,234 → 1234)' });
  await expect(bulk).toContainText('印の付いたセルを 1 件変更します。');
  await bulk.getByRole('button', { name: '適用' }).click();
  await fix.getByRole('button', { name: '再チェック' }).click();
  await expect(fix.getByText('エラーはありません。修正したファイルを保存してください。')).toBeVisible();
  await expectPageHoldsUp(page, {
    name: 'fix in the browser, checked (ja, 390 px)',
    language: 'ja',
    dataValues,
  });

  await fix.getByRole('button', { name: '修正したファイルを保存' }).click();
  await expect(page.getByRole('heading', { name: /^draft として保存/ })).toBeVisible();
  await page.goto(`/ui/plans/input_sets/${label}@draft/history`);
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'upload' })).toContainText(
    'ブラウザで 2 セルを修正',
  );
  await expectPageHoldsUp(page, {
    name: 'history with browser edits (ja, 390 px)',
    language: 'ja',
    dataValues,
  });
});
