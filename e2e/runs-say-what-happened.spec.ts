import { expect, test, type Page } from '@playwright/test';
import { ADMIN, apiHeaders, approveDraft, readBundle, signIn, snap, uploadBundle } from './support';
import { expectPageHoldsUp } from './support-i18n';

// Issue 21, "Runs that say what happened": runs start from ready labels only, Legacy mode
// is confirmed first, a run that computed no plan says "no plan" in amber, and its warning
// card offers the fixes on the page, with the CLI folded away.

const READY = 'runs_ready_pick';
const DRAFT_ONLY = 'runs_draft_pick';
const AMBER = 'rgb(255, 247, 229)';

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  const labels = (await (await page.request.get('/api/plans/input_sets?search=runs_&limit=100')).json()) as {
    items: { label: string; status: string }[];
  };
  // A retry after a failed test (a new worker) finds them seeded already.
  if (!labels.items.some((item) => item.label === READY && item.status === 'ready')) {
    await uploadBundle(page, READY, readBundle(), '2027-W01');
    await approveDraft(page, READY);
  }
  if (!labels.items.some((item) => item.label === DRAFT_ONLY))
    await uploadBundle(page, DRAFT_ONLY, readBundle(), '2027-W01');
  await page.close();
});

/** Starts a run through the API, as a script would. */
async function startRun(page: Page, data: Record<string, string>): Promise<string> {
  const res = await page.request.post('/api/runs', { headers: await apiHeaders(page), data });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test('a run on a draft-only label shows "no plan" in amber, with the way to approve the draft', async ({
  page,
}) => {
  await signIn(page);
  const id = await startRun(page, { input_set_label: DRAFT_ONLY });
  await page.goto(`/ui/runs/${id}`);

  const badge = page.locator('.detail-title .badge');
  await expect(badge).toHaveText('no plan');
  await expect(badge).toHaveCSS('background-color', AMBER);
  await expect(page.locator('.detail-title')).not.toContainText('succeeded');

  const card = page.getByRole('region', { name: 'Missing InputSet' });
  await expect(card.getByRole('link', { name: `Approve the draft ${DRAFT_ONLY}@draft` })).toHaveAttribute(
    'href',
    `/ui/plans/input_sets/${DRAFT_ONLY}@draft/review`,
  );
  // The CLI is folded away, and says `planning`, not the checkout's `pnpm planning`.
  const cli = card.locator('details');
  await expect(cli).not.toHaveAttribute('open');
  await cli.locator('summary').click();
  await expect(cli.locator('pre.command')).toContainText(`planning review --label ${DRAFT_ONLY}@draft`);
  await expect(cli.locator('pre.command')).not.toContainText('pnpm');
  await snap(page, 'run-no-plan-missing-input-set');

  await page.goto('/ui/plans');
  const row = page
    .getByRole('table', { name: 'Newest runs' })
    .getByRole('row')
    .filter({ hasText: DRAFT_ONLY })
    .first();
  await expect(row.locator('.badge')).toHaveText('no plan');
  await expect(row.locator('.badge')).toHaveCSS('background-color', AMBER);
});

test('the label picker offers only ready labels, and refuses a draft-only one with a link to its review', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/ui/plans');
  const form = page.getByRole('form', { name: 'New run' });
  const picker = form.getByRole('combobox', { name: /Input set label/ });

  await picker.fill('runs_');
  const options = page.getByRole('listbox', { name: 'Ready labels' }).getByRole('option');
  await expect(options.filter({ hasText: READY })).toHaveCount(1);
  await expect(options.filter({ hasText: DRAFT_ONLY })).toHaveCount(0);
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  await snap(page, 'runs-label-picker');

  // A label typed that has only a draft: said, linked, and not started.
  await picker.fill(DRAFT_ONLY);
  await expect(form.getByText(`${DRAFT_ONLY} has only a draft: approve it first.`)).toBeVisible();
  await expect(
    form.getByRole('link', { name: `Open the Review tab of ${DRAFT_ONLY}@draft` }),
  ).toHaveAttribute('href', `/ui/plans/input_sets/${DRAFT_ONLY}@draft/review`);
  await form.getByRole('button', { name: 'Start run', exact: true }).click();
  await expect(picker).toBeFocused();
  await expect(page).toHaveURL(/\/ui\/plans$/);

  // Keyboard: Down highlights the ready label, Enter picks it.
  await picker.fill(READY);
  await expect(options.filter({ hasText: READY })).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(picker).toHaveAttribute('aria-activedescendant', /option-0$/);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue(READY);
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(form.getByText(`${READY}: r1 is ready`)).toBeVisible();
  await form.getByRole('button', { name: 'Start run', exact: true }).click();

  await expect(page).toHaveURL(/\/ui\/runs\/[0-9a-f-]{36}$/);
  await expect(page.locator('.detail-title .badge')).toHaveText('succeeded');
});

test('Legacy mode needs a confirmation, and its card offers a re-run on a ready label and the run note', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/ui/plans');
  const form = page.getByRole('form', { name: 'New run' });
  const start = form.getByRole('button', { name: 'Start run in Legacy mode' });
  await start.click();
  const dialog = page.getByRole('dialog', { name: 'Start a run in Legacy mode?' });
  await expect(dialog).toContainText('reads no input set and computes no plan');
  await snap(page, 'runs-legacy-confirmation');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/ui\/plans$/);

  await start.click();
  await dialog.getByRole('button', { name: 'Start in Legacy mode' }).click();
  await expect(page).toHaveURL(/\/ui\/runs\/[0-9a-f-]{36}$/);
  await expect(page.locator('.detail-title .badge')).toHaveText('no plan');

  const card = page.getByRole('region', { name: 'Legacy mode' });
  await card.getByRole('button', { name: 'Add a run note' }).click();
  await expect(page.getByRole('textbox', { name: 'Run note' })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();

  const cli = card.locator('details');
  await cli.locator('summary').click();
  await expect(cli).toContainText('Get-FileHash <bundle.zip> -Algorithm SHA256');
  await expect(cli).toContainText('sha256sum <bundle.zip>');
  await expect(cli.locator('pre.command').first()).toContainText('planning runs note');

  // The newest ready labels are offered (READY among them unless other specs approved more since).
  const legacyUrl = page.url();
  const rerun = card.getByRole('button', { name: /^Re-run on / });
  await expect(rerun.first()).toBeVisible();
  await rerun.first().click();
  await expect(page).not.toHaveURL(legacyUrl);
  await expect(page).toHaveURL(/\/ui\/runs\/[0-9a-f-]{36}$/);
  await expect(page.locator('.detail-title .badge')).toHaveText('succeeded');

  // The snapshot's sha256, checked on Linux, macOS or Windows.
  const check = page.locator('details').filter({ hasText: 'Check it on the command line' });
  await check.locator('summary').click();
  await expect(check).toContainText('sha256sum planning_input_set.json');
  await expect(check).toContainText('Get-FileHash planning_input_set.json -Algorithm SHA256');
});

test('in Japanese on a phone: the picker, the Legacy mode confirmation and a run with no plan', async ({
  page,
}) => {
  const dataValues = [READY, DRAFT_ONLY, `${DRAFT_ONLY}@draft`, ADMIN.username, '2027-W01'];
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  // Signed in in English (as support.ts does); every page loaded from now on is Japanese.
  await page.evaluate(() => globalThis.localStorage.setItem('planning-hub.language', 'ja'));
  await page.goto('/ui/plans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const form = page.getByRole('form', { name: '新しい実行' });
  const picker = form.getByRole('combobox', { name: /入力セットのラベル/ });
  await picker.fill('runs_');
  await expect(
    page.getByRole('listbox', { name: 'ready のラベル' }).getByRole('option').filter({ hasText: READY }),
  ).toHaveCount(1);
  await expectPageHoldsUp(page, { name: 'plans with picker (ja, 390 px)', language: 'ja', dataValues });
  await snap(page, 'runs-picker-ja-390');

  await picker.fill(DRAFT_ONLY);
  await expect(
    form.getByText(`${DRAFT_ONLY} には draft しかありません。先に承認してください。`),
  ).toBeVisible();
  await picker.fill('');
  await form.getByRole('button', { name: 'Legacy mode で実行を開始' }).click();
  const dialog = page.getByRole('dialog', { name: 'Legacy mode で実行を開始しますか?' });
  await expect(dialog).toBeVisible();
  await expectPageHoldsUp(page, { name: 'legacy confirmation (ja, 390 px)', language: 'ja', dataValues });
  await dialog.getByRole('button', { name: 'Legacy mode で開始' }).click();

  await expect(page).toHaveURL(/\/ui\/runs\/[0-9a-f-]{36}$/);
  await expect(page.locator('.detail-title .badge')).toHaveText('計画未計算');
  const card = page.getByRole('region', { name: 'Legacy mode' });
  await expect(card.getByRole('button', { name: / で再実行$/ }).first()).toBeVisible();
  await card.locator('details summary').click();
  await expectPageHoldsUp(page, { name: 'legacy run (ja, 390 px)', language: 'ja', dataValues });
  await snap(page, 'runs-legacy-ja-390');
});
