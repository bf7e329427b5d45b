import { expect, test, type Page } from '@playwright/test';
import { ADMIN, approveDraft, readBundle, signIn, snap, uploadBundle } from './support';
import { expectPageHoldsUp } from './support-i18n';

// Issue 17 section 2, "Approval gates" (docs/design.md section 11): a second revision of the
// README's sample bundle that triples one item's demand is stored with a warning finding; the
// reviewer sees it in the Review tab, with a link to its rows in the Diff tab, and must
// acknowledge it to approve.

const INPUT_SETS = '/ui/plans/input_sets';

/** The sample bundle with every demand row of 部品-001 tripled. */
function tripledBundle(): Record<string, string> {
  const bundle = readBundle();
  const demand = (bundle['demand.csv'] ?? '').trimEnd().split('\n');
  const tripled = demand.map((line) => {
    const cells = line.split(',');
    if (cells[0] !== '部品-001') return line;
    cells[3] = String(Number(cells[3]) * 3);
    return cells.join(',');
  });
  bundle['demand.csv'] = `${tripled.join('\n')}\n`;
  return bundle;
}

async function seedReadyAndTripled(page: Page, label: string): Promise<void> {
  await uploadBundle(page, label, readBundle(), '2027-W01');
  await approveDraft(page, label);
  await uploadBundle(page, label, tripledBundle(), '2027-W02');
}

test('a reviewer sees the gate’s warning in the Review tab, with a link to its rows, and must acknowledge it to approve', async ({
  page,
}) => {
  await signIn(page);
  const label = 'gates_en';
  await seedReadyAndTripled(page, label);

  await page.goto(`${INPUT_SETS}/${label}@draft/review`);
  const checks = page.getByRole('region', { name: 'Checks against the ready revision' });
  await expect(checks).toContainText('1 warning');
  await expect(checks).toContainText(`Compared with ${label}@r1 when the draft was stored`);
  const finding = checks.getByRole('listitem').filter({ hasText: 'Total demand per item' });
  await expect(finding).toContainText("Total demand of item '部品-001' went from");
  await expect(finding).toContainText('(+200.0%; the policy allows ±50%)');
  await expect(finding.getByRole('link', { name: /Open the rows in Diff/ })).toHaveAttribute(
    'href',
    `${INPUT_SETS}/${label}@draft/diff?view=cells&table=demand&kind=all&key=${encodeURIComponent('部品-001')}&match=exact&key_column=item_code`,
  );
  await expect(page.getByRole('region', { name: 'Policy' })).toContainText(
    `${label} has no policy of its own`,
  );

  await page.getByRole('textbox', { name: /^Comment/ }).fill('JIRA-17 approve by ops_lead');
  const approve = page.getByRole('button', { name: 'Approve', exact: true });
  await expect(approve).toBeDisabled();
  await expect(page.getByText('Tick “I acknowledge the 1 warning” to approve.')).toBeVisible();
  await snap(page, 'approval-gates-review');
  await page.getByRole('checkbox', { name: 'I acknowledge the 1 warning' }).check();
  await approve.click();
  await page
    .getByRole('dialog', { name: `Approve ${label}@draft?` })
    .getByRole('button', { name: 'Approve and make ready' })
    .click();
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}/review`);

  const events = await page.request.get(`/api/plans/input_sets/${label}/events?limit=10`);
  const approveEvent = (
    (await events.json()) as { events: { action: string; metadata: Record<string, unknown> }[] }
  ).events.find((event) => event.action === 'approve');
  expect(approveEvent?.metadata.acknowledged_findings).toHaveLength(1);
});

test('in Japanese on a phone: the finding, the policy and the acknowledgement', async ({ page }) => {
  const label = 'gates_ja';
  const dataValues = [label, `${label}@draft`, `${label}@r1`, ADMIN.username, 'JIRA-1 approve by e2e'];
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await page.evaluate(() => globalThis.localStorage.setItem('planning-hub.language', 'ja'));
  await seedReadyAndTripled(page, label);

  await page.goto(`${INPUT_SETS}/${label}@draft/review`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const checks = page.getByRole('region', { name: 'ready との比較チェック' });
  await expect(checks).toContainText('品目「部品-001」の需要合計が');
  await expect(checks).toContainText('ポリシーの許容範囲は ±50%');
  await expect(checks.getByRole('link', { name: /差分で行を開く/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'ポリシー' })).toContainText('既定のポリシーが適用されます');
  await expectPageHoldsUp(page, { name: 'review with a finding (ja, 390 px)', language: 'ja', dataValues });
  await snap(page, 'approval-gates-review-ja-390');

  await page.getByRole('textbox', { name: /^コメント/ }).fill('JIRA-17 承認 ops_lead');
  const approve = page.getByRole('button', { name: '承認する', exact: true });
  await expect(approve).toBeDisabled();
  await page.getByRole('checkbox', { name: /警告を確認しました|確認しました/ }).check();
  await approve.click();
  await page
    .getByRole('dialog', { name: `${label}@draft を承認しますか?` })
    .getByRole('button', { name: '承認して ready にする' })
    .click();
  await expect(page).toHaveURL(`${INPUT_SETS}/${label}/review`);
});
