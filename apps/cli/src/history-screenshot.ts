import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { chromium } from '@playwright/test';
import type { TApiClient } from './api/api-client';
import { CHROMIUM_ARGS } from './chromium-args';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export type TScreenshotOutcome = { ok: true; file: string } | { ok: false; reason: string };

export type TPlaywright = { chromium: typeof chromium };

/**
 * Playwright, loaded only by `planning evidence` and never bundled: from next to the CLI
 * (the checkout's node_modules, where @playwright/test is a dev dependency), else from
 * the working folder. Null with the reason when neither has it.
 */
export async function loadPlaywright(): Promise<{ playwright: TPlaywright } | { reason: string }> {
  try {
    return { playwright: await import('@playwright/test') };
  } catch (first) {
    try {
      const resolved = createRequire(path.join(process.cwd(), 'package.json')).resolve('@playwright/test');
      return { playwright: (await import(pathToFileURL(resolved).href)) as TPlaywright };
    } catch {
      const why = first instanceof Error ? first.message.split('\n')[0] : String(first);
      return {
        reason:
          `Playwright could not be loaded (${why}). history.png needs @playwright/test: run the CLI of a Planning Hub ` +
          'checkout (pnpm install), or install @playwright/test in the working folder.',
      };
    }
  }
}

/** Answers the reason why no screenshot can be taken from the server, or null when the History page is served. */
export async function checkHistoryPageServed(api: TApiClient, historyPath: string): Promise<string | null> {
  const page = await api.send(historyPath, { authenticated: false, headers: { accept: 'text/html' } });
  page.body.resume();
  if (page.status !== 200 || !String(page.headers['content-type'] ?? '').includes('text/html')) {
    return (
      `the server at ${api.serverUrl} does not serve the Planning Hub UI (${historyPath} answered ${page.status}). ` +
      'history.png needs the built SPA: run pnpm build, then restart the server.'
    );
  }
  return null;
}

/**
 * Opens the History tab in headless Chromium with a browser session's cookie and saves a
 * full-page PNG: the runbook's "History table (Action/Actor/Comment/JST)".
 */
export async function captureHistoryPage({
  playwright,
  chromiumPath,
  baseUrl,
  historyPath,
  cookie,
  file,
}: {
  playwright: TPlaywright;
  chromiumPath: string | undefined;
  baseUrl: string;
  historyPath: string;
  cookie: { name: string; value: string };
  file: string;
}): Promise<TScreenshotOutcome> {
  const browser = await playwright.chromium.launch({
    executablePath: chromiumPath ?? DEFAULT_CHROMIUM,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'en-US',
      timezoneId: 'Asia/Tokyo',
    });
    // A server reached over https names its cookie `__Host-...`, which a browser keeps only when Secure.
    await context.addCookies([
      {
        name: cookie.name,
        value: cookie.value,
        url: baseUrl,
        httpOnly: true,
        sameSite: 'Lax',
        secure: new URL(baseUrl).protocol === 'https:',
      },
    ]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}${historyPath}`, { waitUntil: 'networkidle', timeout: 30_000 });
    if (new URL(page.url()).pathname.startsWith('/ui/sign-in')) {
      return {
        ok: false,
        reason: `the UI sent the browser to sign-in: the session for the screenshot was not accepted by ${baseUrl}.`,
      };
    }
    await page
      .locator('table')
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 })
      .catch(() => {});
    // A string, so that this Node-side file needs no DOM types.
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.screenshot({ path: file, fullPage: true });
    return { ok: true, file };
  } finally {
    await browser.close();
  }
}
