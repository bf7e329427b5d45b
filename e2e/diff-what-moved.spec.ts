import { expect, test, type Page } from '@playwright/test';
import { approveDraft, readBundle, signIn, snap, switchLanguage, uploadBundle } from './support';
import { expectPageHoldsUp } from './support-i18n';

// Issue 17, section 1 (and issue 21's searchable diff): the Diff tab opens on "What moved".
// A draft with known moves against the sample bundle:
// - 部品-002's demand triples (252 -> 756: +504);
// - the location NAGOYA-01 drops out of demand (0123: -410.5, 製品-A100: -103);
// - 部品-001 at 東京DC in 2027-W07 moves by 0.1% (150 -> 150.15), under a 0.5% tolerance.

/** The sample bundle with the moves above. */
function movedBundle(): Record<string, string> {
  const bundle = readBundle();
  const [header = '', ...lines] = (bundle['demand.csv'] ?? '').trimEnd().split('\n');
  const moved = lines
    .filter((line) => line.split(',')[1] !== 'NAGOYA-01')
    .map((line) => {
      const [item = '', location = '', period = '', quantity = '', uom = ''] = line.split(',');
      if (item === '部品-002') return [item, location, period, String(Number(quantity) * 3), uom].join(',');
      if (item === '部品-001' && location === '東京DC' && period === '2027-W07')
        return [item, location, period, '150.15', uom].join(',');
      return line;
    });
  return { ...bundle, 'demand.csv': `${[header, ...moved].join('\n')}\n` };
}

const WORDS = {
  en: {
    tolerance: 'Tolerances',
    apply: 'Apply',
    showRows: (key: string) => `Show the changed rows of ${key}`,
    keyValue: 'Key value',
    clear: 'Clear filters',
    matching: (count: number) => (count === 1 ? `${count} row matches` : `${count} rows match`),
    cells: 'Cell diff',
  },
  ja: {
    tolerance: '許容差',
    apply: '適用',
    showRows: (key: string) => `${key} の変更された行を表示`,
    keyValue: 'キーの値',
    clear: '絞り込みを解除',
    matching: (count: number) => `${count} 行が一致`,
    cells: 'セルの差分',
  },
} as const;

async function seed(page: Page, label: string): Promise<void> {
  await uploadBundle(page, label, readBundle(), '2027-W01');
  await approveDraft(page, label);
  await uploadBundle(page, label, movedBundle(), '2027-W02');
}

for (const language of ['en', 'ja'] as const) {
  test(`What moved in ${language} at 390 px: the mover first, the hidden change counted, a click to its rows`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const words = WORDS[language];
    const label = `moved_ui_${language}`;
    const dataValues = [label, `${label}@draft`];
    await signIn(page);
    await seed(page, label);
    if (language === 'ja') await switchLanguage(page, 'ja');
    await page.setViewportSize({ width: 390, height: 844 });

    await page.goto(`/ui/plans/input_sets/${label}@draft/diff`);
    const totals = page.locator('.table--moved').first();
    await expect(totals).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('link', { name: words.cells })).toBeVisible();

    // No tolerance yet: the 0.1% change is a change like any other.
    await expect(page.locator('[data-testid=moved-hidden-note]')).toHaveCount(0);
    await page.getByRole('textbox', { name: words.tolerance }).fill('demand.quantity:0.5%');
    await page.getByRole('button', { name: words.apply, exact: true }).click();
    await expect(page).toHaveURL(/tolerance=demand\.quantity%3A0\.5%25/);
    await expect(totals.locator('.moved-hidden').first()).toHaveText('1 (quantity: 0.5%)');
    await expect(page.locator('[data-testid=moved-hidden-note]')).toContainText('quantity: 0.5%');

    // Top movers by item, largest |Δ| first: the tripled demand, then the dropped location's items.
    const movers = page.locator('.table--movers .mover-row');
    await expect(movers.first().locator('.mover-key')).toHaveText('部品-002');
    await expect(movers.first()).toContainText('+504');
    await expect(movers.first()).toContainText('+200%');
    await expect(movers.nth(1).locator('.mover-key')).toHaveText('0123');
    await expect(movers.nth(1)).toContainText('-410.5');
    await expect(page.locator('.moved-chart svg[role=img]')).toBeVisible();
    await expect(page.locator('.spinner')).toHaveCount(0, { timeout: 30_000 });
    await expectPageHoldsUp(page, { name: `what moved (${language}, 390 px)`, language, dataValues });
    await snap(page, `diff-what-moved-${language}-390`);

    // A mover opens the cell diff on its rows.
    await page.getByRole('button', { name: words.showRows('部品-002') }).click();
    await expect(page).toHaveURL(/view=cells/);
    await expect(page.getByRole('searchbox', { name: words.keyValue })).toHaveValue('部品-002');
    await expect(page.getByText(words.matching(4), { exact: true })).toBeVisible({ timeout: 30_000 });
    const rows = page.locator('.all-changes tbody tr.diff-row');
    await expect(rows).toHaveCount(4);
    for (const row of await rows.all()) await expect(row).toContainText('部品-002');

    // Searching by an item code finds its one changed row, with the 0.1% shown in the cells.
    await page.getByRole('button', { name: words.clear }).click();
    await page.getByRole('searchbox', { name: words.keyValue }).fill('部品-001');
    await expect(page.getByText(words.matching(1), { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('2027-W07');
    await expect(rows.first()).toContainText('150.15');
    await expect(page.locator('.spinner')).toHaveCount(0, { timeout: 30_000 });
    await expectPageHoldsUp(page, { name: `cell diff (${language}, 390 px)`, language, dataValues });
    await snap(page, `diff-cells-search-${language}-390`);
  });
}
