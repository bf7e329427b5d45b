import { expect, test, type Route } from '@playwright/test';
import { approveDraft, readBundle, signIn, snap, uploadBundle } from './support';

// States the real server reaches rarely (a failed diff job, a label with more than 100 events),
// answered here by intercepting the API with bodies that satisfy the contracts.

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

test('a failed diff job shows its error, and "Run the diff again" asks with retry=true', async ({ page }) => {
  await signIn(page);
  const label = 'diff_failed';
  await uploadBundle(page, label, readBundle(), '2027-W01');
  await approveDraft(page, label);
  const changed = readBundle();
  changed['demand.csv'] = (changed['demand.csv'] ?? '').replace(
    '部品-001,東京DC,2027-W01,120,個',
    '部品-001,東京DC,2027-W01,121,個',
  );
  await uploadBundle(page, label, changed, '2027-W02');

  const asked: string[] = [];
  await page.route(/\/api\/plans\/input_sets\/[^/]+\/diff(\?|$)/, async (route: Route) => {
    const url = route.request().url();
    asked.push(url);
    if (url.includes('retry=true')) return route.continue();
    if (asked.some((earlier) => earlier.includes('retry=true'))) return route.continue();
    await route.fulfill({
      status: 202,
      contentType: 'application/json',
      body: JSON.stringify({
        state: 'failed',
        jobId: 'job-1',
        ref: `${label}@draft`,
        against: label,
        refHash: HASH_A,
        againstHash: HASH_B,
        refRevision: 2,
        againstRevision: 1,
        attempts: 4,
        maxAttempts: 4,
        createdAt: '2026-11-25T06:00:00.000Z',
        startedAt: '2026-11-25T06:00:01.000Z',
        error: 'canceling statement due to statement timeout',
        hint: 'The diff failed after 4 attempt(s); the log line input_set_diff_job_failed has the details. Ask again with retry=true to run it again.',
      }),
    });
  });

  await page.goto(`/ui/plans/input_sets/${label}@draft/diff`);
  const alert = page.getByRole('alert').filter({ hasText: 'The diff job failed after 4 attempts' });
  await expect(alert).toContainText('canceling statement due to statement timeout');
  await snap(page, 'diff-job-failed');

  await alert.getByRole('button', { name: 'Run the diff again' }).click();
  await expect(page.locator('.total-chip--changed')).toHaveText('1 changed', { timeout: 30_000 });
  expect(asked.some((url) => url.includes('retry=true'))).toBe(true);
});

test('History pages through a long trail with "Load more"', async ({ page }) => {
  await signIn(page);
  const label = 'history_paging';
  const event = (id: number) => ({
    id: String(id),
    label,
    revision: 1,
    inputSetId: 1,
    action: id % 2 ? 'upload' : 'export',
    actor: 'E1234',
    principal: 'admin',
    comment: `event ${id}`,
    metadata: {},
    createdAt: new Date(Date.UTC(2026, 10, 25, 0, 0, id)).toISOString(),
    createdAtJst: `2026-11-25 09:${String(Math.floor(id / 60)).padStart(2, '0')}:${String(id % 60).padStart(2, '0')} JST`,
    prevHash: HASH_A,
    hash: HASH_B,
  });
  const ids = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => event(from - i));
  await page.route(/\/api\/plans\/input_sets\/history_paging\/events\?/, async (route: Route) => {
    const cursor = new URL(route.request().url()).searchParams.get('cursor');
    const body = cursor
      ? { label, events: ids(20, 1), nextCursor: null }
      : { label, events: ids(120, 21), nextCursor: '21' };
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  });

  await page.goto(`/ui/plans/input_sets/${label}/history`);
  const rows = page.getByRole('table', { name: `Audit events of ${label}` }).locator('tbody tr');
  await expect(rows).toHaveCount(100);
  await expect(page.getByText('Newest 100 events shown')).toBeVisible();
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(120);
  await expect(rows.last()).toContainText('event 1');
  await expect(page.getByText('120 events', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
});
