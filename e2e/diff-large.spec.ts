import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { approveDraft, readBundle, signIn, snap, uploadBundle } from './support';

const ROWS = 100_000;

/** Every demand quantity changed: `12.5` becomes `112.5` (still a valid, different decimal). */
function changeEveryQuantity(csv: string): string {
  const [header = '', ...lines] = csv.trimEnd().split('\n');
  return `${[header, ...lines.map((line) => line.replace(/^((?:[^,]*,){3})([^,]*)/, '$11$2'))].join('\n')}\n`;
}

test('the Diff tab scrolls through 100,000 changed rows, fetching pages on demand', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-bundle-'));
  const generated = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/generate-bundle.ts', '--rows', String(ROWS), '--out', dir],
    {
      encoding: 'utf8',
    },
  );
  expect(generated.status, generated.stderr).toBe(0);
  const r1 = readBundle(dir);

  await signIn(page);
  const label = 'diff_large';
  await uploadBundle(page, label, r1, 'large-1');
  await approveDraft(page, label);
  await uploadBundle(
    page,
    label,
    { ...r1, 'demand.csv': changeEveryQuantity(r1['demand.csv'] ?? '') },
    'large-2',
  );

  const rowRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/diff/rows')) rowRequests.push(request.url());
  });
  // The cell diff of the Diff tab (it opens on "What moved").
  await page.goto(`/ui/plans/input_sets/${label}@draft/diff?view=cells`);
  await expect(page.locator('.total-chip--changed')).toHaveText('100,000 changed', { timeout: 120_000 });
  const list = page.locator('.diff-rows--changed');
  await expect(list.locator('td.diff-changed').first()).toBeVisible();

  // Scroll as a hand on the wheel would, for two seconds, and time the frames.
  const frames = await list.evaluate(async (element) => {
    const times: number[] = [];
    const { requestAnimationFrame } = globalThis as unknown as {
      requestAnimationFrame: (callback: (time: number) => void) => number;
    };
    let last = performance.now();
    for (let i = 0; i < 120; i += 1) {
      element.scrollTop += 200;
      await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times.sort((a, b) => a - b);
  });
  // Recorded, not asserted: on a shared two-core machine frame times say more about the neighbours.
  const percentile = (p: number) => (frames[Math.floor(frames.length * p)] ?? 0).toFixed(1);
  test.info().annotations.push({
    type: 'frame time p50 / p95 (ms)',
    description: `${percentile(0.5)} / ${percentile(0.95)}`,
  });

  // Jump to the middle and to the end: the rows there arrive, and the DOM stays small.
  for (const fraction of [0.5, 1]) {
    await list.evaluate((element, f) => {
      element.scrollTop = (element.scrollHeight - element.clientHeight) * f;
    }, fraction);
    await expect(list.locator('tbody tr.diff-row td.diff-changed').first()).toBeVisible();
    await expect(list.locator('.skeleton')).toHaveCount(0);
  }
  await expect(list.locator('tbody tr.diff-row').last().locator('th')).toHaveText('100,000');
  expect(await list.locator('tbody tr').count()).toBeLessThan(120);
  // Pages of 200 rows, asked for as they come into view: a few dozen requests, not 500.
  expect(rowRequests.length).toBeLessThan(60);
  test.info().annotations.push({ type: 'row page requests', description: String(rowRequests.length) });

  await page.getByLabel('Go to row').fill('54321');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(list.locator('tr.row--highlight th')).toHaveText('54,321');
  await expect(list.locator('tr.row--highlight td.diff-changed')).toBeVisible();
  await snap(page, 'diff-100k-changed');
});
