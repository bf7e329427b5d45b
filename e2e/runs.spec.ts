import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiHeaders, approveDraft, readBundle, signIn, snap, uploadBundle } from './support';

test('a run without a label shows the Legacy mode card with its fix commands', async ({ page }) => {
  await signIn(page);
  await page.goto('/ui/plans');
  const form = page.getByRole('form', { name: 'New run' });
  await expect(form.getByRole('note')).toContainText('Legacy mode');
  await form.getByRole('button', { name: 'Start run in Legacy mode' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start in Legacy mode' }).click();

  await expect(page).toHaveURL(/\/ui\/runs\/[0-9a-f-]{36}$/);
  const card = page.getByRole('region', { name: 'Legacy mode' });
  await expect(card.getByRole('heading', { name: 'Legacy mode', exact: true })).toBeVisible();
  await card.getByText('Fix it on the command line').click();
  await expect(card.locator('pre.command').first()).toContainText('planning runs create');
  await expect(card.getByRole('button', { name: /Copy the commands of Legacy mode/ })).toBeVisible();
  await expect(page.getByText('No planning_input_set.json')).toBeVisible();
  await snap(page, 'run-legacy-mode');
});

test('a run on a label without a ready set shows the Missing InputSet card', async ({ page }) => {
  await signIn(page);
  await uploadBundle(page, 'run_missing', readBundle(), '2027-W01');
  // The New run form refuses a label with only a draft; a script can still start one.
  const started = await page.request.post('/api/runs', {
    headers: await apiHeaders(page),
    data: { input_set_label: 'run_missing' },
  });
  expect(started.status(), await started.text()).toBe(201);
  await page.goto(`/ui/runs/${((await started.json()) as { id: string }).id}`);

  const card = page.getByRole('region', { name: 'Missing InputSet' });
  await expect(card.getByRole('heading', { name: 'Missing InputSet', exact: true })).toBeVisible();
  await expect(card.locator('pre.command')).toContainText('run_missing');
  await snap(page, 'run-missing-input-set');
});

test('a run on a ready set offers planning_input_set.json whose sha256 matches the page', async ({
  page,
}) => {
  await signIn(page);
  const label = 'run_ready';
  await uploadBundle(page, label, readBundle(), '2027-W01');
  await approveDraft(page, label);

  await page.goto('/ui/plans');
  const plan = page.getByRole('form', { name: 'New plan' });
  await plan.getByLabel(/Name/).fill('Weekly S&OP');
  await plan.getByLabel(/Input set label/).fill(label);
  await plan.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('article', { name: 'Weekly S&OP' })).toContainText(label);
  await snap(page, 'plans-page');

  const form = page.getByRole('form', { name: 'New run' });
  await form.getByLabel(/Plan/).selectOption({ label: 'Weekly S&OP' });
  await expect(form.getByRole('note')).toHaveCount(0);
  await form.getByRole('button', { name: 'Start run', exact: true }).click();

  await expect(page).toHaveURL(/\/ui\/runs\/[0-9a-f-]{36}$/);
  await expect(page.locator('.detail-title')).toContainText('succeeded');
  await expect(page.getByRole('link', { name: `${label}@r1` }).first()).toBeVisible();
  const shown = (await page.getByTestId('artifact-sha256').textContent())?.trim() ?? '';
  expect(shown).toMatch(/^[0-9a-f]{64}$/);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /planning_input_set\.json/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('planning_input_set.json');
  const bytes = await readFile(await file.path());
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);

  await expect(
    page.getByRole('heading', { name: 'Projected inventory per item, location and period' }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /Projected inventory/ })).toBeVisible();
  await snap(page, 'run-ready-artifact');
});
