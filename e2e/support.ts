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
