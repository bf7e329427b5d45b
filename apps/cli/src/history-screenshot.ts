import type { TConfig } from '@planning-hub/server/config/env';

/** The SPA's session cookie (apps/api/src/http/authenticate.ts SESSION_COOKIE). */
const SESSION_COOKIE = 'planning_hub_session';
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type TScreenshotOutcome = { ok: true; file: string } | { ok: false; reason: string };

/** Answers the reason why no screenshot can be taken from `baseUrl`, or null when the History page is served. */
export async function checkHistoryPageServed(baseUrl: string, historyPath: string): Promise<string | null> {
  const probe = async (url: string) => {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
    } catch {
      return null;
    }
  };
  const health = await probe(`${baseUrl}/healthz`);
  if (!health?.ok) {
    return `no Planning Hub server answers at ${baseUrl}. history.png needs the server running: start it (pnpm start) or pass --url <base>.`;
  }
  const page = await probe(`${baseUrl}${historyPath}`);
  if (!page?.ok || !(page.headers.get('content-type') ?? '').includes('text/html')) {
    return `the server at ${baseUrl} does not serve the Planning Hub UI (${historyPath} answered ${page?.status ?? 'nothing'}). history.png needs the built SPA: run pnpm build, then restart the server.`;
  }
  return null;
}

/**
 * Opens the History tab in headless Chromium with the given session cookie and
 * saves a full-page PNG: the runbook's "History table (Action/Actor/Comment/JST)".
 */
export async function captureHistoryPage({
  config,
  baseUrl,
  historyPath,
  sessionId,
  file,
}: {
  config: Pick<TConfig, 'chromiumPath'>;
  baseUrl: string;
  historyPath: string;
  sessionId: string;
  file: string;
}): Promise<TScreenshotOutcome> {
  // Loaded on demand: only this command needs a browser.
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: config.chromiumPath ?? DEFAULT_CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'en-US',
      timezoneId: 'Asia/Tokyo',
    });
    await context.addCookies([{ name: SESSION_COOKIE, value: sessionId, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}${historyPath}`, { waitUntil: 'networkidle', timeout: 30_000 });
    if (new URL(page.url()).pathname.startsWith('/ui/sign-in')) {
      return { ok: false, reason: `the UI sent the browser to sign-in: the session for the screenshot was not accepted by ${baseUrl}.` };
    }
    await page.locator('table').first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {});
    // A string, so that this Node-side file needs no DOM types.
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.screenshot({ path: file, fullPage: true });
    return { ok: true, file };
  } finally {
    await browser.close();
  }
}
