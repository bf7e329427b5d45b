import { expect, test } from '@playwright/test';
import { approveDraft, readBundle, signIn, snap, uploadBundle } from './support';

// `upload` is a valid label (^[a-z0-9][a-z0-9._-]{0,62}$), and /ui/plans/input_sets/upload
// is the upload page (docs/design.md section 8): the label's Overview is linked as .../upload/overview,
// its other tabs keep the runbook's /ui/plans/input_sets/{label}/review and /diff.

test('the ready revision of a label named upload opens from the list, with every tab', async ({ page }) => {
  await signIn(page);
  await uploadBundle(page, 'upload', readBundle(), '2027-W01');
  await approveDraft(page, 'upload');

  await page.goto('/ui/plans/input_sets?search=upload');
  await page.getByRole('link', { name: 'upload', exact: true }).first().click();
  await expect(page).toHaveURL(/\/ui\/plans\/input_sets\/upload\/overview$/);
  await expect(page.getByRole('heading', { level: 1, name: 'upload' })).toBeVisible();
  await expect(page.locator('.detail-header')).toContainText('ready');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Input sets' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Upload', exact: true })).not.toHaveAttribute(
    'aria-current',
    'page',
  );

  // The table viewer's grid: the rows of demand, and "go to row".
  const grid = page.getByLabel('Rows of demand');
  await expect(page.getByText(/^Rows 1–\d+ of 32$/)).toBeVisible();
  // Cells after the "#" header: item_code, location_code, period, ...
  await expect(grid.locator('tbody tr:not(.spacer-row)').first().locator('td').nth(2)).toContainText(
    '2027-W',
  );
  await page.getByLabel('Go to row').fill('30');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(grid.locator('tr.row--highlight th')).toHaveText('30');
  await expect(grid.locator('tr.row--highlight td').nth(2)).toContainText('2027-W');
  await snap(page, 'label-named-upload');

  await page.goto('/ui/plans/input_sets/upload/review');
  await expect(page.getByRole('heading', { level: 1, name: 'upload' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Revert/ })).toBeChecked();

  await page.goto('/ui/plans/input_sets/upload/diff');
  await expect(page.getByRole('heading', { level: 1, name: 'upload' })).toBeVisible();
  await expect(page.getByText('Nothing to compare with')).toBeVisible();

  // The upload page: linked from the header and the list, at the path docs/design.md gives it.
  await nav.getByRole('link', { name: 'Upload', exact: true }).click();
  await expect(page).toHaveURL(/\/ui\/plans\/input_sets\/upload$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Upload an input set' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Upload', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.goto('/ui/plans/input_sets');
  await page.getByRole('link', { name: 'Upload a bundle' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Upload an input set' })).toBeVisible();
});
