import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, screenshotPath, signIn, uploadBundle } from './support';

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

test('someone signed out who opens the list is sent to sign in, then lands on the list', async ({ page }) => {
  // The list's first page is asked for beside the session check (docs/performance.md, Browser):
  // its 401 must not show, neither on the way to sign in nor on the list afterwards.
  await page.goto('/ui/plans/input_sets?status=draft');
  await expect(page).toHaveURL(/\/ui\/sign-in\?next=/);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByLabel(/user ?name/i).fill(ADMIN.username);
  await page.getByLabel(/password/i).fill(ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/ui\/plans\/input_sets\?status=draft$/);
  await expect(page.locator('.result-count')).toHaveText(/\d/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the list is painted by the server: read and followed before, or without, any script', async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page);
  await uploadBundle(page, 'painted_first', sample, '2026-W49');
  // The same reader, in a browser that runs no script at all, who chose Japanese.
  const baseURL = testInfo.project.use.baseURL;
  const noScripts = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  await noScripts.addCookies([{ name: 'planning-hub.language', value: 'ja', url: baseURL! }]);
  try {
    const painted = await noScripts.newPage();
    await painted.goto('/ui/plans/input_sets');
    await expect(painted.getByRole('heading', { level: 1, name: '入力セット' })).toBeVisible();
    await expect(painted.locator('.result-count')).toHaveText(/\d+ 件/);
    const row = painted.getByRole('row').filter({ hasText: 'painted_first@draft' });
    await expect(row).toContainText('2026-W49');
    await expect(row).toContainText('JST');
    // What needs the scripts waits for them, visibly.
    await expect(painted.getByRole('searchbox')).toBeDisabled();
    await painted.screenshot({ path: screenshotPath('input-set-list-painted'), fullPage: true });
    await row.getByRole('link', { name: 'painted_first' }).click();
    await expect(painted).toHaveURL(/\/ui\/plans\/input_sets\/painted_first@draft$/);
  } finally {
    await noScripts.close();
  }

  // With scripts, the app takes the painted page over: the search box works.
  await page.goto('/ui/plans/input_sets');
  await expect(page.getByRole('searchbox')).toBeEnabled();
  await page.getByRole('searchbox').fill('painted_first');
  await expect(page).toHaveURL(/search=painted_first/);
  await expect(page.getByRole('row').filter({ hasText: 'painted_first@draft' })).toBeVisible();
});
