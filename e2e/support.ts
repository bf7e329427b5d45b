import { expect, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from '../playwright.config';

export const ADMIN = { username: 'admin', password: E2E_ADMIN_PASSWORD };

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, user: { username: string; password: string } = ADMIN): Promise<void> {
  await page.goto('/ui/sign-in');
  await page.getByLabel(/user ?name/i).fill(user.username);
  await page.getByLabel(/password/i).fill(user.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

export const screenshotPath = (name: string) => `test-results/screenshots/${name}.png`;

/** The browser's own session (cookie + CSRF token), for seeding through the real API. */
export async function apiHeaders(page: Page): Promise<Record<string, string>> {
  const me = await page.request.get('/api/auth/me');
  expect(me.ok()).toBe(true);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  return { 'x-csrf-token': csrfToken };
}

/** Uploads bundle files for `label` through POST /api/plans/input_sets/{label}/upload. */
export async function uploadBundle(
  page: Page,
  label: string,
  files: Record<string, string>,
  versionId = 'e2e-1',
): Promise<void> {
  const res = await page.request.post(`/api/plans/input_sets/${label}/upload`, {
    headers: await apiHeaders(page),
    multipart: {
      version_id: versionId,
      ...Object.fromEntries(
        Object.entries(files).map(([name, content]) => [
          name,
          { name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.from(content) },
        ]),
      ),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}
