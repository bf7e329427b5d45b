import { expect, test } from '@playwright/test';
import { readBundle, signIn, snap } from './support';

test('an invalid bundle is refused with each problem by file, row and column', async ({ page }) => {
  await signIn(page);
  await page.goto('/ui/plans/input_sets/upload');
  await page.getByRole('textbox', { name: /^Label/ }).fill('broken_bundle');
  await page.getByLabel('Version id').fill('2027-W01-bad');

  const bundle = readBundle();
  const demand = (bundle['demand.csv'] ?? '').split('\n');
  // Line 3 as a spreadsheet counts (header = 1): a quantity that is not a number.
  demand[2] = '部品-001,東京DC,2027-W03,abc,個';
  bundle['demand.csv'] = demand.join('\n');
  await page.locator('input[type=file]').setInputFiles(
    Object.entries(bundle).map(([name, content]) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(content),
    })),
  );
  await page.getByRole('button', { name: 'Upload and validate' }).click();

  await expect(page.getByRole('heading', { name: 'Validation failed: nothing was stored' })).toBeVisible();
  const group = page.locator('.problem-group').filter({ hasText: 'demand.csv' });
  await expect(group).toBeVisible();
  const row = group.getByRole('row').filter({ hasText: 'quantity' }).first();
  await expect(row).toContainText('3');
  await expect(row).toContainText('abc');
  await expect(row).toContainText('error');
  await snap(page, 'upload-invalid');
});
