import { expect, test } from '@playwright/test';
import { readBundle, signIn, snap, uploadBundle } from './support';

test('a reviewer approves and reverts in the Review tab; History shows both in JST', async ({ page }) => {
  await signIn(page);
  const label = 'review_flow';
  await uploadBundle(page, label, readBundle(), '2027-W01');

  await page.goto(`/ui/plans/input_sets/${label}@draft/review`);
  await expect(page.getByRole('radio', { name: /Approve/ })).toBeChecked();
  await expect(page.getByPlaceholder('ui_reviewer')).toBeVisible();
  const comment = page.getByRole('textbox', { name: /Comment/ });
  await expect(comment).toHaveAttribute('placeholder', 'JIRA-123 approve by ops_lead');
  const approve = page.getByRole('button', { name: 'Approve', exact: true });
  await expect(approve).toBeDisabled();
  await expect(page.getByText('Enter a comment to continue.')).toBeVisible();

  await page.getByRole('textbox', { name: /Reviewer/ }).fill('E1234');
  await comment.fill('JIRA-123 approve by ops_lead');
  const acknowledge = page.getByRole('checkbox', { name: /I acknowledge the \d+ warnings?/ });
  if (await acknowledge.isVisible()) await acknowledge.check();
  await snap(page, 'review-approve-form');
  await approve.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve and make ready' }).click();

  // Approving `review_flow@draft` makes it `review_flow`, and says so at once.
  await expect(page).toHaveURL(`/ui/plans/input_sets/${label}/review`);
  await expect(page.getByRole('status').filter({ hasText: 'Approved' })).toContainText('ready');
  await expect(page.locator('.detail-header')).toContainText('ready');

  await expect(page.getByRole('radio', { name: /Revert/ })).toBeChecked();
  await page.getByRole('textbox', { name: /Comment/ }).fill('JIRA-124 revert: wrong demand for W03');
  await page.getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(page).toHaveURL(`/ui/plans/input_sets/${label}@draft/review`);
  await expect(page.getByRole('status').filter({ hasText: 'Reverted to draft' })).toContainText('draft');

  await page.getByRole('link', { name: 'History', exact: true }).click();
  const table = page.getByRole('table', { name: `Audit events of ${label}` });
  const revertRow = table.getByRole('row').filter({ hasText: 'revert' });
  const approveRow = table.getByRole('row').filter({ hasText: 'approve' });
  await expect(revertRow).toContainText('JIRA-124 revert: wrong demand for W03');
  await expect(revertRow).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} JST/);
  await expect(approveRow).toContainText('E1234');
  await expect(approveRow).toContainText('JIRA-123 approve by ops_lead');
  await expect(approveRow).toContainText(/JST/);
  // Newest first: the revert is above the approval.
  const actions = await table.locator('tbody .action-chip').allTextContents();
  expect(actions.slice(0, 2)).toEqual(['revert', 'approve']);
  await expect(page.getByText(/Chain intact: \d+ events/)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download events JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('events.json');
  const saved = JSON.parse(
    await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')),
  ) as {
    label: string;
    events: { action: string }[];
  };
  expect(saved.label).toBe(label);
  expect(saved.events.map((event) => event.action).slice(0, 2)).toEqual(['revert', 'approve']);

  await snap(page, 'history-approve-revert');

  // The label has no ready revision now; its History (what `planning evidence` captures) still shows.
  await page.goto(`/ui/plans/input_sets/${label}/history`);
  await expect(page.getByText(`${label} has no ready revision at the moment`)).toBeVisible();
  await expect(page.getByRole('table', { name: `Audit events of ${label}` }).getByRole('row')).toHaveCount(4);
});

test('a draft replaced while it was being reviewed is refused with the 409 said plainly', async ({
  page,
}) => {
  await signIn(page);
  const label = 'review_stale';
  const bundle = readBundle();
  await uploadBundle(page, label, bundle, '2027-W01');
  await page.goto(`/ui/plans/input_sets/${label}@draft/review`);
  await page.getByRole('textbox', { name: /Comment/ }).fill('JIRA-200 approve by ops_lead');
  const acknowledge = page.getByRole('checkbox', { name: /I acknowledge/ });
  if (await acknowledge.isVisible()) await acknowledge.check();

  // Someone uploads new content to the draft meanwhile.
  await uploadBundle(
    page,
    label,
    { ...bundle, 'demand.csv': `${(bundle['demand.csv'] ?? '').trimEnd()}\n部品-002,大阪DC,2027-W08,7,個\n` },
    '2027-W01b',
  );
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve and make ready' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'The review was not saved.' });
  await expect(alert).toContainText('changed since it was reviewed');
  await expect(alert).toContainText('HTTP 409 · conflict');
  await snap(page, 'review-409');

  await alert.getByRole('button', { name: 'Reload this revision' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The review was not saved.' })).toHaveCount(0);
  await expect(page.locator('.detail-header')).toContainText('2027-W01b');
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve and make ready' }).click();
  await expect(page).toHaveURL(`/ui/plans/input_sets/${label}/review`);
});

test('approving a draft with warnings needs the acknowledgement, which the event records', async ({
  page,
}) => {
  await signIn(page);
  const label = 'review_warnings';
  // An unknown file is a warning (docs/design.md section 3), not an error.
  await uploadBundle(page, label, { ...readBundle(), 'extra.csv': 'a,b\n1,2\n' }, '2027-W01');
  await page.goto(`/ui/plans/input_sets/${label}@draft/review`);
  await page.getByRole('textbox', { name: /Comment/ }).fill('JIRA-300 approve by ops_lead');

  const acknowledge = page.getByRole('checkbox', { name: /I acknowledge the 1 warnings?/ });
  const approve = page.getByRole('button', { name: 'Approve', exact: true });
  await expect(approve).toBeDisabled();
  await expect(page.getByText(/Tick “I acknowledge the 1 warning” to approve\./)).toBeVisible();
  await acknowledge.check();
  await snap(page, 'review-acknowledge-warnings');
  await approve.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve and make ready' }).click();
  await expect(page).toHaveURL(`/ui/plans/input_sets/${label}/review`);

  const events = await page.request.get(`/api/plans/input_sets/${label}/events?limit=100`);
  const body = (await events.json()) as { events: { action: string; metadata: Record<string, unknown> }[] };
  const approval = body.events.find((event) => event.action === 'approve');
  expect(approval?.metadata.acknowledged_warnings).toBe(true);
  expect(approval?.metadata.warnings).toBe(1);
});
