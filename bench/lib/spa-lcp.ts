import { randomBytes } from 'node:crypto';
import { mkdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { createUser } from '@planning-hub/server/services/auth/users';
import { CHROMIUM_ARGS } from '../../apps/cli/src/chromium-args';
import { seedReviewHistory } from '../tasks/seed-review-history';
import { startApiProcess } from './api-process';
import { ensureBundle } from './bundles';
import { round2 } from './machine';
import { median } from './measure';

/** The page measured: the input set list, where /ui opens. */
const LIST_PAGE = '/ui/plans/input_sets';
/** Labels seeded (3 revisions each, besides the hot label's 40) when the database has none yet. */
const LCP_LABELS = 30;
/** Demand rows of each seeded revision (the list does not read them). */
const LCP_BUNDLE_ROWS = 500;
const LOADS = 5;
/** After the list shows, the page is left this long, so that a later, larger paint would still count. */
const SETTLE_MS = 1500;

/** bench/results.json's `spa` gains these: Chromium's own figures for the list page. */
export type TSpaLcpResult = {
  /** Median Largest Contentful Paint of the cold loads, in ms from navigation start. */
  lcp_ms: number;
  lcp_runs_ms: number[];
  /** The element of the last LCP entry (tag, and its first characters), from the median load. */
  lcp_element: string;
  /** Median time from navigation start until the list's row count is shown (the page is usable). */
  usable_ms: number;
  /** JavaScript the browser fetched before the list showed: gzip bodies (encodedBodySize) and files. */
  js_before_usable_gzip_kb: number;
  js_before_usable_files: number;
  /** All JavaScript by the end of the settle time, the idle prefetches included. */
  js_total_gzip_kb: number;
  js_total_files: number;
  /**
   * Measured loads whose count was in the HTML the API painted (apps/api/src/features/input-sets/list-painter.ts),
   * not rendered by React: the JavaScript fetched before then only raced the HTML, the list did not wait for it.
   */
  painted_loads: number;
  /** The same list loaded with JavaScript off: when its count and rows showed (ms), and how many rows. */
  no_script_usable_ms: number | null;
  no_script_rows: number;
  lcp_dataset: { labels: number; revisions: number };
  chromium: string;
  lcp_loadavg_start: number[];
  lcp_loadavg_end: number[];
};

type TLoadFigures = {
  lcpMs: number;
  lcpElement: string;
  usableMs: number;
  painted: boolean;
  jsBefore: { bytes: number; files: number };
  jsTotal: { bytes: number; files: number };
};

/** Installed before any script of the page: LCP entries and the moment the list's count appears. */
const OBSERVE_PAGE = `(() => {
  const state = { lcp: [], usableAt: null, painted: false };
  window.__lcpBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const element = entry.element;
      state.lcp.push({
        startTime: entry.startTime,
        element: element ? element.tagName.toLowerCase() + ' "' + (element.textContent || '').trim().slice(0, 40) + '"' : '',
      });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new MutationObserver((_, observer) => {
    const count = document.querySelector('.result-count');
    if (count && count.textContent && state.usableAt === null) {
      state.usableAt = performance.now();
      state.painted = count.closest('.first-paint-page') !== null;
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

type TPageState = {
  lcp: { startTime: number; element: string }[];
  usableAt: number | null;
  painted: boolean;
  scripts: { name: string; encodedBodySize: number; responseEnd: number }[];
};

const READ_PAGE = `(() => ({
  ...window.__lcpBench,
  scripts: performance
    .getEntriesByType('resource')
    .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
    .map((entry) => ({ name: entry.name, encodedBodySize: entry.encodedBodySize, responseEnd: entry.responseEnd })),
}))()`;

/** A fresh browser context (an empty cache) signed in by the session cookie; the caller closes it. */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  user: { username: string; password: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 720 },
    locale: 'en-US',
    timezoneId: 'Asia/Tokyo',
  });
  const signIn = await context.request.post('/api/auth/sign-in', { data: user });
  if (!signIn.ok()) {
    const text = await signIn.text();
    await context.close();
    throw new Error(`sign-in answered ${signIn.status()}: ${text}`);
  }
  return context;
}

/** One load in a fresh browser context (an empty cache), signed in by the session cookie. */
async function loadOnce(
  browser: Browser,
  baseUrl: string,
  user: { username: string; password: string },
): Promise<TLoadFigures> {
  const context = await signedInContext(browser, baseUrl, user);
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE_PAGE);
    await page.goto(LIST_PAGE);
    await page.locator('.result-count').filter({ hasText: /\d/ }).waitFor({ timeout: 30_000 });
    await sleep(SETTLE_MS);
    const state = (await page.evaluate(READ_PAGE)) as TPageState;
    const last = state.lcp.at(-1);
    if (!last) throw new Error('Chromium reported no largest-contentful-paint entry');
    if (state.usableAt === null) throw new Error('the list never showed its count');
    const usableAt = state.usableAt;
    const sum = (scripts: TPageState['scripts']) => ({
      bytes: scripts.reduce((s, script) => s + script.encodedBodySize, 0),
      files: scripts.length,
    });
    return {
      lcpMs: last.startTime,
      lcpElement: last.element,
      usableMs: usableAt,
      painted: state.painted,
      jsBefore: sum(state.scripts.filter((script) => script.responseEnd <= usableAt)),
      jsTotal: sum(state.scripts),
    };
  } finally {
    await context.close();
  }
}

/** A home for the API whose apps/web/dist and dist-server are the bench's build (its migrations are the checkout's). */
export async function benchHome(home: string, distDir: string): Promise<string> {
  const apiHome = path.join(home, 'bench', 'data', 'spa', 'api-home');
  await rm(apiHome, { recursive: true, force: true });
  await mkdir(path.join(apiHome, 'apps', 'web'), { recursive: true });
  await symlink(path.join(home, 'prisma'), path.join(apiHome, 'prisma'), 'dir');
  await symlink(distDir, path.join(apiHome, 'apps', 'web', 'dist'), 'dir');
  // The server module the same build wrote beside it (apps/web/vite.config.ts): the API paints the list with it.
  await symlink(`${distDir}-server`, path.join(apiHome, 'apps', 'web', 'dist-server'), 'dir');
  return apiHome;
}

/**
 * Runs `start` with `vars` in this process's environment, which startApiProcess hands to the
 * API it spawns; restored afterwards (nothing else runs in the bench's process meanwhile).
 * startApiProcess's `env` does the same without touching this process (diff-tab.ts still uses this).
 */
export async function withEnv<T>(vars: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return await start();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Labels to show: the review history api_load seeded in this run, or a small one of its own. */
async function ensureDataset(
  home: string,
  url: string,
  log: (line: string) => void,
): Promise<{ labels: number; revisions: number; user: { username: string; password: string } }> {
  const db = createDatabaseClients(url, 4);
  try {
    const count = async () =>
      (
        await db.pool.query<{ labels: number; revisions: number }>(
          'SELECT count(DISTINCT label)::int AS labels, count(*)::int AS revisions FROM planning_input_sets',
        )
      ).rows[0]!;
    if ((await count()).labels === 0) {
      const bundle = await ensureBundle(home, LCP_BUNDLE_ROWS, log);
      log(`  seeding ${LCP_LABELS} labels through the services`);
      await seedReviewHistory(db.pool, { bundleDir: bundle.dir, labels: LCP_LABELS });
    }
    const user = {
      username: `lcp-${randomBytes(4).toString('hex')}`,
      password: randomBytes(18).toString('hex'),
    };
    await createUser({
      prisma: db.prisma,
      username: user.username,
      role: 'planner',
      password: user.password,
    });
    return { ...(await count()), user };
  } finally {
    await db.close();
  }
}

/**
 * The list with JavaScript off, as the API paints it for a signed-in browser: when its
 * count showed (the navigation's DOMContentLoaded: nothing waits for a script), and its rows.
 */
async function loadWithoutScripts(
  browser: Browser,
  baseUrl: string,
  user: { username: string; password: string },
): Promise<{ usableMs: number | null; rows: number }> {
  const signedIn = await signedInContext(browser, baseUrl, user);
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 720 },
    locale: 'en-US',
    javaScriptEnabled: false,
    storageState: await signedIn.storageState(),
  });
  await signedIn.close();
  try {
    const page = await context.newPage();
    await page.goto(LIST_PAGE);
    const count = page.locator('.result-count').filter({ hasText: /\d/ });
    if (!(await count.isVisible())) return { usableMs: null, rows: 0 };
    const rows = await page.locator('.first-paint-page tbody tr a.label-link').count();
    // A count without rows is not a list one can use.
    if (rows === 0) return { usableMs: null, rows };
    const timing = (await page.evaluate(
      "(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.domContentLoadedEventStart : null; })()",
    )) as number | null;
    return { usableMs: timing, rows };
  } finally {
    await context.close();
  }
}

/**
 * spa LCP: the real API (bench/lib/api-process.ts) serving the bench's production build
 * of the SPA, Debian's Chromium through Playwright, one warm-up and LOADS measured loads of
 * the input set list, each in a fresh context (cold cache), not throttled. Reads Chromium's
 * largest-contentful-paint entries and the JavaScript it fetched (docs/performance.md, Browser).
 */
export async function measureSpaLcp({
  home,
  url,
  distDir,
  log,
}: {
  home: string;
  url: string;
  distDir: string;
  log: (line: string) => void;
}): Promise<TSpaLcpResult> {
  log(`\n[spa] Largest Contentful Paint of ${LIST_PAGE}, ${LOADS} cold loads`);
  const dataset = await ensureDataset(home, url, log);
  const loadavgStart = os.loadavg().map(round2);
  const api = await startApiProcess({
    home,
    url,
    workDir: path.join(home, 'bench', 'data', 'api-spa'),
    // Production, as `npm start` serves the SPA; the bench's build through a home of its own.
    env: { NODE_ENV: 'production', PLANNING_HUB_HOME: await benchHome(home, distDir) },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS],
  });
  try {
    // The first load warms the API and PostgreSQL, not the browser: each load has a cache of its own.
    await loadOnce(browser, api.baseUrl, dataset.user);
    const loads: TLoadFigures[] = [];
    for (let i = 0; i < LOADS; i++) {
      const figures = await loadOnce(browser, api.baseUrl, dataset.user);
      log(
        `  load ${i + 1}: LCP ${Math.round(figures.lcpMs)} ms (${figures.lcpElement}), list shown at ${Math.round(figures.usableMs)} ms${figures.painted ? ' (painted by the API)' : ''}, JS ${(figures.jsBefore.bytes / 1024).toFixed(1)} KiB gzip in ${figures.jsBefore.files} files fetched before it`,
      );
      loads.push(figures);
    }
    const noScript = await loadWithoutScripts(browser, api.baseUrl, dataset.user);
    log(
      noScript.usableMs === null
        ? '  JavaScript off: the list and its rows did not show'
        : `  JavaScript off: the list showed its count and ${noScript.rows} rows at ${Math.round(noScript.usableMs)} ms`,
    );
    const lcpMs = median(loads.map((l) => l.lcpMs));
    const middle = loads.find((l) => l.lcpMs === lcpMs) ?? loads[0]!;
    const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
    return {
      lcp_ms: Math.round(lcpMs),
      lcp_runs_ms: loads.map((l) => Math.round(l.lcpMs)),
      lcp_element: middle.lcpElement,
      usable_ms: Math.round(median(loads.map((l) => l.usableMs))),
      js_before_usable_gzip_kb: kib(median(loads.map((l) => l.jsBefore.bytes))),
      js_before_usable_files: median(loads.map((l) => l.jsBefore.files)),
      js_total_gzip_kb: kib(median(loads.map((l) => l.jsTotal.bytes))),
      js_total_files: median(loads.map((l) => l.jsTotal.files)),
      painted_loads: loads.filter((l) => l.painted).length,
      no_script_usable_ms: noScript.usableMs === null ? null : Math.round(noScript.usableMs),
      no_script_rows: noScript.rows,
      lcp_dataset: { labels: dataset.labels, revisions: dataset.revisions },
      chromium: browser.version(),
      lcp_loadavg_start: loadavgStart,
      lcp_loadavg_end: os.loadavg().map(round2),
    };
  } finally {
    await browser.close();
    await api.stop();
  }
}
