import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_DATA_DIR, E2E_OUTPUT_DIR } from '../playwright.config';

export const ADMIN = { username: 'admin', password: E2E_ADMIN_PASSWORD };

/** Signs in through the sign-in page, as a person would. */
export async function signIn(
  page: Page,
  user: { username: string; password: string } = ADMIN,
): Promise<void> {
  await page.goto('/ui/sign-in');
  await page.getByLabel(/user ?name/i).fill(user.username);
  await page.getByLabel(/password/i).fill(user.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

export const screenshotPath = (name: string) => `${E2E_OUTPUT_DIR}/screenshots/${name}.png`;

/** A full-page screenshot from the top, so the sticky header is where a reader expects it. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

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
          {
            name,
            mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
            buffer: Buffer.from(content),
          },
        ]),
      ),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/** The files of a bundle folder (examples/sample-bundle by default), by file name. */
export function readBundle(
  dir = path.join(process.cwd(), 'examples', 'sample-bundle'),
): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]),
  );
}

/** Approves `<label>@draft` through POST .../review, as a reviewer's script would. */
export async function approveDraft(
  page: Page,
  label: string,
  comment = 'JIRA-1 approve by e2e',
): Promise<void> {
  const res = await page.request.post(
    `/api/plans/input_sets/${encodeURIComponent(`${label}@draft`)}/review`,
    {
      headers: await apiHeaders(page),
      data: { action: 'approve', comment, acknowledge_warnings: true },
    },
  );
  expect(res.status(), await res.text()).toBe(200);
}

/**
 * Creates a user with the bundled CLI (bin/planning), as the local operator of the e2e
 * server: it finds the server and its secret through <E2E_DATA_DIR>/server.json, which the
 * webServer writes at its start, and goes through POST /api/admin/users like anyone else.
 */
export function createUser(user: {
  username: string;
  password: string;
  role: 'viewer' | 'planner' | 'reviewer' | 'admin';
}): void {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the planning CLI failed: ${build.stderr}`);
  // Only the e2e server's server.json: no URL, token or login of the developer's own.
  const { PLANNING_HUB_URL: _url, PLANNING_HUB_TOKEN: _token, ...env } = process.env;
  const result = spawnSync(
    process.execPath,
    ['bin/planning', 'users', 'create', '--username', user.username, '--role', user.role, '--password-stdin'],
    {
      input: user.password,
      encoding: 'utf8',
      env: { ...env, PLANNING_HUB_DATA_DIR: E2E_DATA_DIR },
      timeout: 60_000,
    },
  );
  // A second run against the same database finds the user already there.
  if (result.status !== 0 && !/already exists/i.test(`${result.stdout}${result.stderr}`)) {
    throw new Error(
      `planning users create ${user.username} failed (${result.status}): ${result.stderr || result.stdout}`,
    );
  }
}

/** The page's language, switched with the header's language select. */
export async function switchLanguage(page: Page, language: 'en' | 'ja'): Promise<void> {
  await page.getByLabel(/^(Language|言語)$/).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Drops files on the drop zone in a DataTransfer built inside the page, as a browser delivers a drop. */
export async function dropFiles(
  page: Page,
  files: Record<string, Uint8Array>,
  zoneName: RegExp,
): Promise<void> {
  const entries = Object.entries(files).map(([name, bytes]) => ({ name, bytes: [...bytes] }));
  const dataTransfer = await page.evaluateHandle((items) => {
    // Runs in the page; the e2e project is compiled without the DOM library, hence the shape spelled out.
    type TBrowserDataTransfer = { items: { add: (file: File) => unknown } };
    const { DataTransfer } = globalThis as unknown as { DataTransfer: new () => TBrowserDataTransfer };
    const transfer = new DataTransfer();
    for (const { name, bytes } of items) {
      transfer.items.add(
        new File([new Uint8Array(bytes)], name, {
          type: name.endsWith('.json') ? 'application/json' : 'text/csv',
        }),
      );
    }
    return transfer;
  }, entries);
  const dropZone = page.getByRole('group', { name: zoneName });
  await dropZone.dispatchEvent('dragenter', { dataTransfer });
  await dropZone.dispatchEvent('drop', { dataTransfer });
}
