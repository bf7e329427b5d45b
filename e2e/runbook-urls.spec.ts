import { expect, test, type Page } from '@playwright/test';
import { approveDraft, readBundle, signIn, snap, switchLanguage, uploadBundle } from './support';

// Runbook sections 2 and 3: a draft is compared at /ui/plans/input_sets/{label}/diff and
// approved at /ui/plans/input_sets/{label}/review.
const INPUT_SETS = '/ui/plans/input_sets';

const header = (page: Page) => page.locator('.detail-header');
const banner = (page: Page) => page.getByRole('note').filter({ hasText: 'is waiting for review' });

test('the runbook URLs {label}/review and {label}/diff open the waiting draft; the ready revision keeps its pages', async ({
  page,
}) => {
  await signIn(page);
  const label = 'runbook_urls';
  await uploadBundle(page, label, readBundle(), '2027-W01');
  await approveDraft(page, label);
  await uploadBundle(page, label, readBundle(), '2027-W02');

  // The runbook's Review URL: the draft r2, ready to approve.
  await page.goto(`${INPUT_SETS}/${label}/review`);
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}@draft/review`);
  await expect(header(page)).toContainText('draft');
  await expect(header(page)).toContainText('r2');
  await expect(page.getByRole('radio', { name: /Approve/ })).toBeChecked();

  // The runbook's Diff URL, its query kept.
  await page.goto(`${INPUT_SETS}/${label}/diff?against=${label}`);
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}@draft/diff?against=${label}`);
  await expect(header(page)).toContainText('2027-W02');

  // The plain label's Overview stays the ready r1, and points to the draft.
  await page.goto(`${INPUT_SETS}/${label}`);
  await expect(header(page)).toContainText('ready');
  await expect(header(page)).toContainText('r1');
  await expect(banner(page)).toHaveText('A draft r2 is waiting for review: open it');
  await snap(page, 'runbook-urls-waiting-draft');
  // Its own Diff and Review tabs name the ready revision exactly.
  const tabs = page.getByRole('navigation', { name: 'Input set views' });
  await expect(tabs.getByRole('link', { name: 'Review' })).toHaveAttribute(
    'href',
    `${INPUT_SETS}/${label}@r1/review`,
  );
  await expect(tabs.getByRole('link', { name: 'Diff' })).toHaveAttribute(
    'href',
    `${INPUT_SETS}/${label}@r1/diff`,
  );
  await expect(tabs.getByRole('link', { name: 'History' })).toHaveAttribute(
    'href',
    `${INPUT_SETS}/${label}/history`,
  );

  // The ready revision's Review stays reachable at {label}@r1, with the pointer to the draft.
  await tabs.getByRole('link', { name: 'Review' }).click();
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}@r1/review`);
  await expect(header(page)).toContainText('ready');
  await expect(page.getByRole('radio', { name: /Revert/ })).toBeChecked();
  await expect(page.getByText(`This label already has a draft (${label}@draft)`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revert', exact: true })).toBeDisabled();
  await expect(banner(page)).toBeVisible();

  // History of the plain label: the ready revision's, with the pointer too.
  await page.goto(`${INPUT_SETS}/${label}/history`);
  await expect(header(page)).toContainText('ready');
  await expect(banner(page)).toBeVisible();

  // The same pointer in Japanese.
  await switchLanguage(page, 'ja');
  const bannerJa = page.getByRole('note').filter({ hasText: 'レビュー待ち' });
  await expect(bannerJa).toHaveText('draft r2 がレビュー待ちです: レビューを開く');
  await switchLanguage(page, 'en');

  // "open it" goes to the draft's Review tab, where the reviewer approves it.
  await banner(page).getByRole('link', { name: 'open it' }).click();
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}@draft/review`);
  await page.getByRole('textbox', { name: /Comment/ }).fill('JIRA-123 approve by ops_lead');
  const acknowledge = page.getByRole('checkbox', { name: /I acknowledge/ });
  if (await acknowledge.isVisible()) await acknowledge.check();
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve and make ready' }).click();

  // Approved: {label}/review is the new ready r2, and no draft waits any more.
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}/review`);
  await expect(page.getByRole('status').filter({ hasText: 'Approved' })).toContainText('ready');
  await expect(header(page)).toContainText('r2');
  await expect(banner(page)).toHaveCount(0);
  await page.goto(`${INPUT_SETS}/${label}/review`);
  await expect(header(page)).toContainText('ready');
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}/review`);
});

test('a label with only a draft: its runbook URLs open the draft, and its plain page links to the Review tab', async ({
  page,
}) => {
  await signIn(page);
  const label = 'runbook_draft_only';
  await uploadBundle(page, label, readBundle(), '2027-W01');

  await page.goto(`${INPUT_SETS}/${label}/review`);
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}@draft/review`);
  await expect(page.getByRole('radio', { name: /Approve/ })).toBeChecked();

  await page.goto(`${INPUT_SETS}/${label}`);
  await expect(page.getByRole('heading', { name: 'Input set not found' })).toBeVisible();
  await snap(page, 'runbook-urls-draft-only');
  await page.getByRole('link', { name: `Review ${label}@draft` }).click();
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}@draft/review`);
  await expect(header(page)).toContainText('draft');
});
