import { expect, test } from '@playwright/test';
import { readBundle, signIn, snap, switchLanguage, uploadBundle } from './support';

test('the Planning Hub in Japanese: list and detail', async ({ page }) => {
  await signIn(page);
  await uploadBundle(page, 'weekly_ja', readBundle(), '2027-W01');

  await page.goto('/ui/plans/input_sets');
  await switchLanguage(page, 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Input Sets');
  await expect(page.getByRole('row').filter({ hasText: 'weekly_ja@draft' })).toBeVisible();
  await snap(page, 'ja-list');

  await page.getByRole('link', { name: 'weekly_ja', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'weekly_ja' })).toBeVisible();
  await expect(page.getByRole('link', { name: '概要' })).toBeVisible();
  await snap(page, 'ja-detail');

  await page.getByRole('link', { name: 'History', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'JST' })).toBeVisible();
  await snap(page, 'ja-history');

  await page.getByRole('link', { name: 'Plans' }).click();
  await expect(page.getByRole('heading', { name: '新しい Run' })).toBeVisible();
  await snap(page, 'ja-plans');
});
