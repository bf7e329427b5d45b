import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshotPath, signIn, uploadBundle } from './support';

const sampleDir = path.join(process.cwd(), 'examples', 'sample-bundle');
const sample = Object.fromEntries(
  readdirSync(sampleDir).map((f) => [f, readFileSync(path.join(sampleDir, f), 'utf8')]),
);

test('the Planning Hub shows the input sets the API serves', async ({ page }) => {
  await signIn(page);
  await uploadBundle(page, 'weekly_refresh', sample, '2026-W48');

  await page.goto('/ui/plans/input_sets');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'weekly_refresh@draft' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('draft');
  await expect(row).toContainText('2026-W48');
  await expect(row).toContainText('JST');
  await page.screenshot({ path: screenshotPath('input-set-list'), fullPage: true });
});
