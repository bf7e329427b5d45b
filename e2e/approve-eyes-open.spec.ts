import { expect, test, type Page } from '@playwright/test';
import { ADMIN, approveDraft, readBundle, signIn, snap, uploadBundle } from './support';
import { expectPageHoldsUp } from './support-i18n';

// Issue 21, "Approving with eyes open": the Review tab shows the validation summary and
// what approving changes per table; Approve asks first, naming what becomes ready; History
// and the list show the signed-in user first, with the runbook's Reviewer ID beside it.

const INPUT_SETS = '/ui/plans/input_sets';

/** The sample bundle with one demand row changed, one removed and one added. */
function changedBundle(): Record<string, string> {
  const bundle = readBundle();
  const demand = (bundle['demand.csv'] ?? '').trimEnd().split('\n');
  demand[1] = demand[1]!.replace(/,120,/, ',130,');
  demand.splice(2, 1);
  demand.push('部品-002,大阪DC,2027-W08,7,個');
  bundle['demand.csv'] = `${demand.join('\n')}\n`;
  return bundle;
}

/** A ready r1 and a draft r2 that changes three demand rows. */
async function seedReadyAndDraft(page: Page, label: string): Promise<void> {
  await uploadBundle(page, label, readBundle(), '2027-W01');
  await approveDraft(page, label);
  await uploadBundle(page, label, changedBundle(), '2027-W02');
}

async function fillReview(
  page: Page,
  { reviewer, comment }: { reviewer: string; comment: string },
): Promise<void> {
  await page.getByRole('textbox', { name: /^(Reviewer|社員ID)/ }).fill(reviewer);
  await page.getByRole('textbox', { name: /^(Comment|コメント)/ }).fill(comment);
  const acknowledge = page.getByRole('checkbox', { name: /I acknowledge|警告を確認しました/ });
  if (await acknowledge.isVisible()) await acknowledge.check();
}

test('the Review tab shows counts per table and the validation; Approve is confirmed, naming what becomes ready', async ({
  page,
}) => {
  await signIn(page);
  const label = 'eyes_open';
  await seedReadyAndDraft(page, label);

  await page.goto(`${INPUT_SETS}/${label}@draft/review`);
  const impact = page.getByRole('region', { name: 'What approving changes' });
  const counts = impact.getByRole('table', { name: 'Rows added, removed and changed per table' });
  await expect(counts).toBeVisible({ timeout: 30_000 });
  await expect(impact).toContainText(`Compared with ${label} (r1)`);
  await expect(counts.getByRole('row', { name: /^demand/ }).getByRole('cell')).toHaveText(['1', '1', '1']);
  await expect(counts.getByRole('row', { name: /^capacity/ }).getByRole('cell')).toHaveText(['0', '0', '0']);
  await expect(impact.getByRole('region', { name: 'Validation' })).toContainText('0 errors');

  await fillReview(page, { reviewer: 'E1234', comment: 'JIRA-123 approve by ops_lead' });
  const approve = page.getByRole('button', { name: 'Approve', exact: true });
  await approve.click();
  const dialog = page.getByRole('dialog', { name: `Approve ${label}@draft?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${label} r2 (version 2027-W02, content hash `);
  await expect(dialog).toContainText('…) becomes ready; r1 is archived; 3 changed rows.');
  await expect(dialog).toContainText('Added 1, removed 1, changed 1.');
  await expect(dialog).toContainText('Reviewer ID E1234');
  await snap(page, 'approve-confirmation');

  // Keyboard: focus starts on Cancel and stays inside the dialog; Escape cancels.
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  const confirm = dialog.getByRole('button', { name: 'Approve and make ready' });
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(approve).toBeFocused();
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}@draft/review`);

  await approve.click();
  await confirm.click();
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}/review`);
  await expect(page.getByRole('status').filter({ hasText: 'Approved' })).toContainText('ready');

  // History: the signed-in user first, the Reviewer ID beside it.
  await page.goto(`${INPUT_SETS}/${label}/history`);
  const history = page.getByRole('table', { name: `Audit events of ${label}` });
  await expect(history.getByRole('columnheader')).toHaveText([
    'Action',
    'Principal',
    'Actor',
    'Comment',
    'JST',
    'Revision',
  ]);
  const approveRow = history.getByRole('row').filter({ hasText: 'JIRA-123 approve by ops_lead' });
  await expect(approveRow.getByRole('cell')).toContainText(['approve', ADMIN.username, 'E1234']);
  await snap(page, 'approve-history-user-and-reviewer');

  // The list: approved by the signed-in user, Reviewer ID beside.
  await page.goto(`${INPUT_SETS}?search=${label}&status=ready`);
  const row = page.getByRole('row').filter({ hasText: label });
  await expect(row).toContainText(ADMIN.username);
  await expect(row).toContainText('Reviewer ID E1234');
});

test('a label’s first draft says there is nothing to compare with, and the confirmation says it becomes the first', async ({
  page,
}) => {
  await signIn(page);
  const label = 'eyes_first';
  await uploadBundle(page, label, readBundle(), '2027-W01');
  await page.goto(`${INPUT_SETS}/${label}@draft/review`);
  const impact = page.getByRole('region', { name: 'What approving changes' });
  await expect(impact).toContainText(`${label} has no ready revision: this draft will be its first`);

  await fillReview(page, { reviewer: '', comment: 'JIRA-5 approve by ops_lead' });
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Approve ${label}@draft?` });
  await expect(dialog).toContainText(`${label} r1 (version 2027-W01, content hash `);
  await expect(dialog).toContainText('becomes ready; it is the label’s first ready revision.');
  await dialog.getByRole('button', { name: 'Approve and make ready' }).click();
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}/review`);
});

test('in Japanese on a phone: the Review tab’s counts, the confirmation and History', async ({ page }) => {
  const label = 'eyes_ja';
  // Comments are data: the seeding's approval, and the archive event's "superseded by r2" (docs/design.md section 4).
  const dataValues = [
    label,
    `${label}@draft`,
    ADMIN.username,
    'E7788',
    'JIRA-77 承認 ops_lead',
    'JIRA-1 approve by e2e',
    'superseded by r2',
  ];
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  // Signed in in English (as support.ts does); every page loaded from now on is Japanese.
  await page.evaluate(() => globalThis.localStorage.setItem('planning-hub.language', 'ja'));
  await seedReadyAndDraft(page, label);

  await page.goto(`${INPUT_SETS}/${label}@draft/review`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const impact = page.getByRole('region', { name: '承認で変わること' });
  const counts = impact.getByRole('table', { name: 'テーブルごとの追加・削除・変更の行数' });
  await expect(counts).toBeVisible({ timeout: 30_000 });
  await expect(counts.getByRole('row', { name: /^demand/ }).getByRole('cell')).toHaveText(['1', '1', '1']);
  await expectPageHoldsUp(page, { name: 'review with impact (ja, 390 px)', language: 'ja', dataValues });
  await snap(page, 'approve-review-ja-390');

  await fillReview(page, { reviewer: 'E7788', comment: 'JIRA-77 承認 ops_lead' });
  await page.getByRole('button', { name: '承認する', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `${label}@draft を承認しますか?` });
  await expect(dialog).toContainText(`${label} r2(バージョンID 2027-W02、コンテンツハッシュ `);
  await expect(dialog).toContainText('が ready になります。r1 は archived になります。変わる行は 3 行です。');
  await expectPageHoldsUp(page, { name: 'approve dialog (ja, 390 px)', language: 'ja', dataValues });
  await snap(page, 'approve-confirmation-ja-390');
  await dialog.getByRole('button', { name: '承認して ready にする' }).click();
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}/review`);

  await page.goto(`${INPUT_SETS}/${label}/history`);
  const history = page.getByRole('table', { name: `${label} の監査イベント` });
  await expect(history.getByRole('columnheader')).toHaveText([
    '操作',
    'アカウント',
    '実行者',
    'コメント',
    '日時(JST)',
    'リビジョン',
  ]);
  await expect(history.getByRole('row').filter({ hasText: 'JIRA-77' }).getByRole('cell')).toContainText([
    'approve',
    ADMIN.username,
    'E7788',
  ]);
  await expect(page.locator('.chain-badge--pending')).toHaveCount(0);
  await expectPageHoldsUp(page, { name: 'history (ja, 390 px)', language: 'ja', dataValues });
});
