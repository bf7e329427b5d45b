import { expect, test } from '@playwright/test';
import { approveDraft, readBundle, signIn, snap, uploadBundle } from './support';

test('the Diff tab shows the changed cells of a new draft against the ready set', async ({ page }) => {
  await signIn(page);
  const label = 'diff_demo';
  const r1 = readBundle();
  await uploadBundle(page, label, r1, '2027-W01');
  await approveDraft(page, label);

  // r2: two quantities change, one demand row goes, one comes.
  const lines = (r1['demand.csv'] ?? '').trimEnd().split('\n');
  lines[1] = '部品-001,東京DC,2027-W01,150,個';
  lines[2] = '部品-001,東京DC,2027-W03,100,個';
  lines.splice(4, 1);
  lines.push('部品-002,大阪DC,2027-W08,42,個');
  await uploadBundle(page, label, { ...r1, 'demand.csv': `${lines.join('\n')}\n` }, '2027-W02');

  await page.goto(`/ui/plans/input_sets/${label}@draft/diff`);
  await expect(page.locator('.total-chip--changed')).toHaveText('2 changed', { timeout: 30_000 });
  await expect(page.getByText(/Comparing\s+diff_demo@draft/)).toBeVisible();
  await expect(page.locator('.total-chip--added')).toHaveText('1 added');
  await expect(page.locator('.total-chip--removed')).toHaveText('1 removed');

  // The tab opens on "What moved"; the changed cells are one click away.
  await expect(page.getByRole('link', { name: 'What moved' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'Cell diff' }).click();
  await expect(page).toHaveURL(/view=cells/);

  const rows = page.locator('.diff-rows--changed');
  const changed = rows.locator('td.diff-changed').first();
  await expect(changed).toContainText('120');
  await expect(changed).toContainText('150');
  await expect(changed).toContainText('+30 (+25%)');
  await expect(rows.locator('td.diff-changed').nth(1)).toContainText('-35');
  await snap(page, 'diff-changed-cells');

  await page.getByRole('button', { name: /Show the 1 Added rows of demand/ }).click();
  await expect(page.locator('.diff-rows--added')).toContainText('2027-W08');

  // The ready revision (its own reference: the plain label's Review tab opens the draft) cannot be reverted while the label has a draft.
  await page.goto(`/ui/plans/input_sets/${label}@r1/review`);
  await expect(page.getByRole('radio', { name: /Revert/ })).toBeChecked();
  await expect(page.getByText(`This label already has a draft (${label}@draft)`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revert', exact: true })).toBeDisabled();
});

test('identical revisions say there are no differences', async ({ page }) => {
  await signIn(page);
  const label = 'diff_same';
  await uploadBundle(page, label, readBundle(), '2027-W01');
  await approveDraft(page, label);
  await uploadBundle(page, label, readBundle(), '2027-W01b');
  await page.goto(`/ui/plans/input_sets/${label}@draft/diff`);
  await expect(page.getByText('No differences')).toBeVisible({ timeout: 30_000 });
});

test('a ready revision is compared with the revision before it, as the server chose and names it', async ({
  page,
}) => {
  await signIn(page);
  // A label of its own per run: a database kept from an earlier run would have older revisions of it.
  const label = `diff_previous_${Date.now().toString(36)}`;
  await uploadBundle(page, label, readBundle(), '2027-W01');
  await approveDraft(page, label);
  await uploadBundle(page, label, readBundle(), '2027-W02');
  await approveDraft(page, label);
  await page.goto(`/ui/plans/input_sets/${label}/diff`);
  await expect(page.getByText('No differences')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(new RegExp(`with\\s+${label}@r1`))).toBeVisible();
  await expect(page.getByLabel('Compare with')).toHaveValue(`${label}@r1`);
  await expect(page).toHaveURL(`/ui/plans/input_sets/${label}/diff`);
});
