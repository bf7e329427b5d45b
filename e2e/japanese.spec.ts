import { expect, test } from '@playwright/test';
import { readBundle, signIn, snap, switchLanguage, uploadBundle } from './support';

test('the Planning Hub in Japanese: list and detail', async ({ page }) => {
  await signIn(page);
  await uploadBundle(page, 'weekly_ja', readBundle(), '2027-W01');

  await page.goto('/ui/plans/input_sets');
  await switchLanguage(page, 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('入力セット');
  await expect(page.getByRole('navigation', { name: 'メイン' }).getByRole('link')).toHaveText([
    '入力セット',
    'アップロード',
    '計画',
  ]);
  await expect(page.getByRole('row').filter({ hasText: 'weekly_ja@draft' })).toBeVisible();
  await snap(page, 'ja-list');

  await page.getByRole('link', { name: 'weekly_ja', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'weekly_ja' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '入力セットの表示切替' }).getByRole('link')).toHaveText([
    '概要',
    '差分',
    'レビュー',
    '履歴',
  ]);
  await snap(page, 'ja-detail');

  await page.getByRole('link', { name: '履歴', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: '日時(JST)' })).toBeVisible();
  await snap(page, 'ja-history');

  await page.getByRole('link', { name: '計画', exact: true }).click();
  await expect(page.getByRole('heading', { name: '新しい実行' })).toBeVisible();
  await snap(page, 'ja-plans');
});
