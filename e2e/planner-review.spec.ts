import { expect, test } from '@playwright/test';
import { createUser, readBundle, signIn, snap, uploadBundle } from './support';

const PLANNER = { username: 'planner1', password: 'planner1-password-e2e', role: 'planner' as const };

test.beforeAll(() => {
  createUser(PLANNER);
});

test('a planner sees the Review form disabled, with the reason', async ({ page }) => {
  await signIn(page);
  await uploadBundle(page, 'planner_view', readBundle(), '2027-W01');
  await page.context().clearCookies();

  await signIn(page, PLANNER);
  await page.goto('/ui/plans/input_sets/planner_view@draft/review');
  await expect(
    page.getByText('Your role is planner. Approving and reverting need reviewer or admin.').first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: /Comment/ })).toBeDisabled();
  await snap(page, 'planner-review-disabled');
});
