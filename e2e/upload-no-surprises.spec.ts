import { expect, test, type Page } from '@playwright/test';
import { ADMIN, approveDraft, readBundle, signIn, snap, uploadBundle } from './support';
import { expectPageHoldsUp } from './support-i18n';

// Issue 21, "Upload without surprises": what is wrong is said before the upload, a draft
// is never replaced unseen, an old answer never stays beside new files, and a stored
// draft leads on to its diff and its review.

const UPLOAD_PAGE = '/ui/plans/input_sets/upload';

type TFile = { name: string; mimeType: string; buffer: Buffer };

function asFiles(bundle: Record<string, string>): TFile[] {
  return Object.entries(bundle).map(([name, content]) => ({
    name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
    buffer: Buffer.from(content),
  }));
}

function only(bundle: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(bundle).filter(([name]) => names.includes(name)));
}

async function fillBundleFields(page: Page, label: string, versionId: string): Promise<void> {
  await page.getByRole('textbox', { name: /^(Label|ラベル)/ }).fill(label);
  await page.getByRole('textbox', { name: /^(Version id|バージョンID)/ }).fill(versionId);
}

/** Counts the uploads the page sends from now on. */
function countUploads(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/plans\/input_sets\/[^/]+\/upload$/.test(request.url()))
      count += 1;
  });
  return () => count;
}

test('missing tables are caught before upload, and nothing is sent until they are there', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(UPLOAD_PAGE);
  await fillBundleFields(page, 'nosurprise_missing', '2027-W01');
  const uploads = countUploads(page);
  const bundle = readBundle();

  await page.locator('input[type=file]').setInputFiles(asFiles(only(bundle, 'demand.csv')));
  const check = page.getByRole('region', { name: 'Check before upload' });
  await expect(check).toContainText('Not ready to upload yet');
  await expect(check.getByRole('listitem').filter({ hasText: 'capacity' })).toContainText(
    'missing (capacity.csv)',
  );
  await expect(check.getByRole('listitem').filter({ hasText: 'params' })).toContainText(
    'missing (params.csv or params.json)',
  );
  await expect(check).toContainText('Missing: capacity, mix, calendar, params. Every bundle needs them.');
  await expect(check).toContainText('tick “Keep as a draft even if it has errors”');
  await expect(check).toContainText('1 of at most 20 files');
  await expect(check).toContainText('of at most 1.0 GB');
  await snap(page, 'upload-check-missing-tables');

  await page.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(check.locator('.bundle-check-summary')).toBeFocused();
  await expect(page.locator('#upload-result-title')).toHaveCount(0);
  expect(uploads()).toBe(0);

  // The rest of the bundle: every required table is there, and the upload goes.
  await page.locator('input[type=file]').setInputFiles(asFiles(bundle));
  await expect(check).toContainText('Every required table is here.');
  await expect(check.getByRole('listitem').filter({ hasText: 'params' })).toContainText('params.json');
  await page.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(page.getByRole('heading', { name: /^Stored as (draft|a draft)/ })).toBeVisible();
  expect(uploads()).toBe(1);
});

test('uploading to a label with a draft says whose draft and when, and asks "Replace the draft"', async ({
  page,
}) => {
  await signIn(page);
  const label = 'nosurprise_replace';
  await uploadBundle(page, label, readBundle(), '2027-W01');

  await page.goto(UPLOAD_PAGE);
  await fillBundleFields(page, label, '2027-W02');
  const notice = page.getByRole('note').filter({ hasText: `${label}@draft will be replaced` });
  await expect(notice).toContainText(`uploaded by ${ADMIN.username} on`);
  await expect(notice).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} JST/);
  await expect(page.getByText(`Will replace the draft ${label}@draft`)).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(asFiles(readBundle()));
  const uploads = countUploads(page);

  const submit = page.getByRole('button', { name: 'Upload and validate' });
  await submit.click();
  const dialog = page.getByRole('dialog', { name: `Replace the draft ${label}@draft?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${label}@draft r1 (version 2027-W01, content hash`);
  await expect(dialog).toContainText(`was uploaded by ${ADMIN.username} on`);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await snap(page, 'upload-replace-draft-dialog');

  // Escape cancels: nothing is sent and the draft keeps its version.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(submit).toBeFocused();
  expect(uploads()).toBe(0);
  const kept = (await (await page.request.get(`/api/plans/input_sets/${label}@draft`)).json()) as {
    versionId: string;
  };
  expect(kept.versionId).toBe('2027-W01');

  await submit.click();
  await dialog.getByRole('button', { name: 'Replace the draft' }).click();
  await expect(page.getByRole('heading', { name: /^Stored as (draft|a draft)/ })).toBeVisible();
  await expect(page.getByText('This upload replaced the previous draft of this label.')).toBeVisible();
  expect(uploads()).toBe(1);
});

test('an old answer goes when the files change, and a stored draft leads to its review', async ({ page }) => {
  await signIn(page);
  const label = 'nosurprise_fix';
  await page.goto(UPLOAD_PAGE);
  await fillBundleFields(page, label, '2027-W01');
  const bundle = readBundle();
  const broken = (bundle['demand.csv'] ?? '').split('\n');
  broken[2] = '部品-001,東京DC,2027-W03,abc,個';
  await page
    .locator('input[type=file]')
    .setInputFiles(asFiles({ ...bundle, 'demand.csv': broken.join('\n') }));
  await page.getByRole('button', { name: 'Upload and validate' }).click();
  const refused = page.getByRole('heading', { name: 'Validation failed: nothing was stored' });
  await expect(refused).toBeVisible();
  // The hint names the checkbox on this page, not the API's field.
  await expect(page.locator('.alert-hint')).toContainText('Tick “Keep as a draft even if it has errors”');
  await page.getByRole('button', { name: 'Go to the checkbox' }).click();
  await expect(page.getByRole('checkbox', { name: 'Keep as a draft even if it has errors' })).toBeFocused();

  // The corrected demand.csv replaces the broken one: the refusal was about the old file.
  await page.locator('input[type=file]').setInputFiles(asFiles(only(bundle, 'demand.csv')));
  await expect(refused).toHaveCount(0);
  await expect(page.locator('.problem-group')).toHaveCount(0);

  await page.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(page.getByRole('heading', { name: /^Stored as (draft|a draft)/ })).toBeVisible();
  const next = page.getByRole('navigation', { name: 'Next steps' });
  await expect(next.getByRole('link', { name: 'Go to review' })).toHaveAttribute(
    'href',
    `/ui/plans/input_sets/${label}@draft/review`,
  );
  await expect(next.getByRole('link', { name: 'Open diff against ready' })).toHaveCount(0);
  await expect(
    page.getByText(`${label} has no ready revision yet: this draft will be its first.`),
  ).toBeVisible();
});

test('a draft of a label with a ready revision offers "Open diff against ready" and "Go to review"', async ({
  page,
}) => {
  await signIn(page);
  const label = 'nosurprise_links';
  const bundle = readBundle();
  await uploadBundle(page, label, bundle, '2027-W01');
  await approveDraft(page, label);

  await page.goto(UPLOAD_PAGE);
  await fillBundleFields(page, label, '2027-W02');
  const demand = `${(bundle['demand.csv'] ?? '').trimEnd()}\n部品-002,大阪DC,2027-W08,7,個\n`;
  await page.locator('input[type=file]').setInputFiles(asFiles({ ...bundle, 'demand.csv': demand }));
  await page.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(page.getByRole('heading', { name: /^Stored as (draft|a draft)/ })).toBeVisible();

  const next = page.getByRole('navigation', { name: 'Next steps' });
  const diff = next.getByRole('link', { name: 'Open diff against ready' });
  await expect(diff).toHaveAttribute('href', `/ui/plans/input_sets/${label}@draft/diff`);
  await expect(next.getByRole('link', { name: 'Go to review' })).toHaveAttribute(
    'href',
    `/ui/plans/input_sets/${label}@draft/review`,
  );
  await snap(page, 'upload-next-steps');
  await diff.click();
  await expect(page).toHaveURL(`/ui/plans/input_sets/${label}@draft/diff`);
  await expect(page.locator('.total-chip--added')).toBeVisible({ timeout: 30_000 });
});

test('in Japanese on a phone: the check, the replace confirmation and the rows an invalid draft kept', async ({
  page,
}) => {
  const label = 'nosurprise_ja';
  const dataValues = [label, `${label}@draft`, ADMIN.username, '2027-W01', '2027-W02'];
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  // Signed in in English (as support.ts does); every page loaded from now on is Japanese.
  await page.evaluate(() => globalThis.localStorage.setItem('planning-hub.language', 'ja'));
  await uploadBundle(page, label, readBundle(), '2027-W01');

  await page.goto(UPLOAD_PAGE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await fillBundleFields(page, label, '2027-W02');
  await expect(page.getByRole('note').filter({ hasText: `${label}@draft は置き換えられます` })).toContainText(
    `${ADMIN.username} が`,
  );
  await page.locator('input[type=file]').setInputFiles(asFiles(only(readBundle(), 'demand.csv')));
  const check = page.getByRole('region', { name: 'アップロード前の確認' });
  await expect(check).toContainText('capacity、mix、calendar、params がありません。');
  await expect(check).toContainText('「エラーがあっても draft として保存する」にチェックを入れて');
  await expectPageHoldsUp(page, { name: 'upload check (ja, 390 px)', language: 'ja', dataValues });
  await snap(page, 'upload-check-ja-390');

  await page.getByRole('checkbox', { name: 'エラーがあっても draft として保存する' }).check();
  await expect(check).toContainText('エラーを含む draft として保存されます。');
  await page.getByRole('button', { name: 'アップロードして検証' }).click();
  const dialog = page.getByRole('dialog', { name: `draft ${label}@draft を置き換えますか?` });
  await expect(dialog).toContainText(`${ADMIN.username} が`);
  await expectPageHoldsUp(page, { name: 'replace dialog (ja, 390 px)', language: 'ja', dataValues });
  await snap(page, 'upload-replace-dialog-ja-390');
  await dialog.getByRole('button', { name: 'draft を置き換える' }).click();

  const kept = page.getByRole('region', { name: 'この draft に保存された行' });
  await expect(kept).toContainText('capacity');
  await expect(kept).toContainText('ファイルがないため、行はありません。');
  await expect(
    page.getByRole('navigation', { name: '次の操作' }).getByRole('link', { name: 'レビューへ進む' }),
  ).toBeVisible();
  await expectPageHoldsUp(page, { name: 'invalid draft stored (ja, 390 px)', language: 'ja', dataValues });
  await snap(page, 'upload-kept-rows-ja-390');
});
