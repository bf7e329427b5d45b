import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser } from '@playwright/test';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { createUser } from '@planning-hub/server/services/auth/users';
import { diffCacheDir, diffCachePaths } from '@planning-hub/server/services/diff/diff-cache';
import { CHROMIUM_ARGS } from '../../apps/cli/src/chromium-args';
import { DIFF_AGAINST, DIFF_LABEL, createDiffRevisions } from '../diff';
import { startApiProcess, type TApiProcess } from './api-process';
import { round2 } from './machine';
import { median } from './measure';
import { measureSpaBundle, spaDistDir } from './spa-bundle';
import { benchHome, signedInContext, withEnv } from './spa-lcp';

const REF = `${DIFF_LABEL}@draft`;
/** The Diff tab of the bench pair, as a user opens it: "What moved" first, `view=cells` the changed rows. */
const TAB = `/ui/plans/input_sets/${REF}/diff?against=${encodeURIComponent(DIFF_AGAINST)}`;
const CELLS = `${TAB}&view=cells&table=demand&kind=changed`;
const WARM_LOADS = 5;
/** Each cold load is a pair: "What moved", then the cell grid, each with the cache deleted first. */
const COLD_LOADS = 3;

/**
 * What the user sees, by CSS selector: the totals chips (from the diff's own answer), the
 * "What moved" totals table, its top movers, its chart, and the first changed cell of the grid.
 */
const MARKS = {
  totals: '.total-chip--changed',
  moved_totals: 'table.table--moved:not(.table--movers) tbody tr',
  movers: '.mover-row',
  chart: 'svg.chart',
  cells: '.diff-rows--changed td.diff-changed',
} as const;
type TMark = keyof typeof MARKS;

/** bench/results.json's `diff_tab` (docs/performance.md, "The Diff tab in Chromium"). */
export type TDiffTabResult = {
  rows: number;
  /** Cached diff: ms from navigation start until each mark is on screen, median of WARM_LOADS fresh contexts. */
  warm_ms: Partial<Record<TMark, number>>;
  warm_runs_ms: Partial<Record<TMark, number[]>>;
  /** Cache deleted before the load: ms from the job's end (the diff's computedAt) until each mark, medians. */
  cold_after_job_ms: Partial<Record<TMark, number>>;
  cold_after_job_runs_ms: Partial<Record<TMark, number[]>>;
  /** The same loads: ms from navigation start until the job ended (queue, worker poll and the diff). */
  cold_job_ms: number;
  /** Requests the page made after the job ended, until the movers showed (median load). */
  cold_requests_after_job: string[];
  chromium: string;
  loadavg_start: number[];
  loadavg_end: number[];
};

/** Installed before the page's scripts: the first moment each mark is in the DOM, as epoch ms. */
const OBSERVE_MARKS = `(() => {
  const marks = ${JSON.stringify(MARKS)};
  const seen = {};
  window.__diffTab = seen;
  const check = () => {
    for (const [name, selector] of Object.entries(marks)) {
      if (seen[name] === undefined && document.querySelector(selector)) seen[name] = performance.timeOrigin + performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

type TLoad = {
  navigationStart: number;
  marks: Partial<Record<TMark, number>>;
  requests: { url: string; at: number }[];
};

async function loadOnce(
  browser: Browser,
  baseUrl: string,
  user: { username: string; password: string },
  url: string,
  waitFor: TMark[],
): Promise<TLoad> {
  const context = await signedInContext(browser, baseUrl, user);
  try {
    const page = await context.newPage();
    const requests: TLoad['requests'] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/')) requests.push({ url: request.url(), at: Date.now() });
    });
    await page.addInitScript(OBSERVE_MARKS);
    await page.goto(url);
    try {
      for (const mark of waitFor) await page.locator(MARKS[mark]).first().waitFor({ timeout: 120_000 });
    } catch (error) {
      // What the page showed instead, for the one reading the bench's output.
      const text = (
        await page
          .locator('body')
          .innerText()
          .catch(() => '')
      ).replace(/\s+/g, ' ');
      throw new Error(`${url}: ${waitFor.join(', ')} not shown; the page says: ${text.slice(0, 600)}`, {
        cause: error,
      });
    }
    // The observer may see a mark a frame after Playwright does.
    await sleep(100);
    const state = (await page.evaluate(
      '({ navigationStart: performance.timeOrigin, marks: window.__diffTab })',
    )) as Omit<TLoad, 'requests'>;
    return { ...state, requests };
  } finally {
    await context.close();
  }
}

/** The diff's answer once done (polling as the SPA does, but every 50 ms): its computedAt, as epoch ms. */
async function waitForDiff(api: TApiProcess): Promise<number> {
  const url = `${api.baseUrl}/api/plans/input_sets/${encodeURIComponent(REF)}/diff?against=${encodeURIComponent(DIFF_AGAINST)}`;
  for (let attempt = 0; attempt < 6000; attempt++) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${api.token}` } });
    const body = (await res.json()) as { state?: string; computedAt?: string };
    if (res.status === 200 && body.state === 'done' && body.computedAt) return Date.parse(body.computedAt);
    if (res.status !== 200 && res.status !== 202)
      throw new Error(`diff answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    await sleep(50);
  }
  throw new Error('the diff did not finish within 5 minutes');
}

const since = (load: TLoad, from: number) =>
  Object.fromEntries(
    Object.entries(load.marks).map(([mark, at]) => [mark, Math.round((at as number) - from)]),
  ) as Partial<Record<TMark, number>>;

function medians(runs: Partial<Record<TMark, number>>[]) {
  const byMark: Partial<Record<TMark, number[]>> = {};
  for (const run of runs)
    for (const [mark, ms] of Object.entries(run)) (byMark[mark as TMark] ??= []).push(ms);
  const med = Object.fromEntries(
    Object.entries(byMark).map(([mark, values]) => [mark, Math.round(median(values))]),
  );
  return { med: med as Partial<Record<TMark, number>>, runs: byMark };
}

/**
 * The Diff tab of a `rows`-by-`rows` diff (bench/diff.ts's pair) in Debian's Chromium,
 * against the real API serving the bench's production build of the SPA (as spa-lcp.ts
 * runs it). Warm: the diff cached, each load a fresh context (cold browser cache).
 * Cold: the API's cache file deleted first, so the page waits for the job; times are
 * from the job's end (computedAt, the same machine's clock) to each mark.
 */
export async function measureDiffTab({
  home,
  url,
  rows,
  log,
  build = true,
}: {
  home: string;
  url: string;
  rows: number;
  log: (line: string) => void;
  /** false: bench/data/spa/dist is already this checkout's build. */
  build?: boolean;
}): Promise<TDiffTabResult> {
  if (build) await measureSpaBundle({ home, log }); // builds bench/data/spa/dist
  log(
    `\n[${rows.toLocaleString('en-US')} rows] diff tab in Chromium, ${WARM_LOADS} warm and ${COLD_LOADS} cold loads`,
  );
  const db = createDatabaseClients(url, 4);
  const user = {
    username: `difftab-${randomBytes(4).toString('hex')}`,
    password: randomBytes(18).toString('hex'),
  };
  let api: TApiProcess | null = null;
  let browser: Browser | null = null;
  try {
    await createDiffRevisions(db.pool, rows);
    await createUser({
      prisma: db.prisma,
      username: user.username,
      role: 'planner',
      password: user.password,
    });
    const loadavgStart = os.loadavg().map(round2);
    api = await withEnv(
      { NODE_ENV: 'production', PLANNING_HUB_HOME: await benchHome(home, spaDistDir(home)) },
      () => startApiProcess({ home, url, workDir: path.join(home, 'bench', 'data', 'api-diff-tab') }),
    );
    const manifest = diffCachePaths(
      diffCacheDir(path.join(api.workDir, 'tmp')),
      REF,
      DIFF_AGAINST,
    ).manifestFile;
    await rm(manifest, { force: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS],
    });
    const { baseUrl } = api;
    // Warm-up: computes the diff and fills the API's and PostgreSQL's caches.
    await waitForDiff(api);
    await loadOnce(browser, baseUrl, user, TAB, ['movers', 'chart']);
    await loadOnce(browser, baseUrl, user, CELLS, ['cells']);

    const warm: Partial<Record<TMark, number>>[] = [];
    for (let i = 0; i < WARM_LOADS; i++) {
      const moved = await loadOnce(browser, baseUrl, user, TAB, ['movers', 'chart']);
      const cells = await loadOnce(browser, baseUrl, user, CELLS, ['cells']);
      const figures = {
        ...since(moved, moved.navigationStart),
        cells: since(cells, cells.navigationStart).cells,
      };
      log(`  warm ${i + 1}: ${JSON.stringify(figures)} ms from navigation`);
      warm.push(figures);
    }
    const cold: Partial<Record<TMark, number>>[] = [];
    const jobMs: number[] = [];
    const coldLoads: { load: TLoad; doneAt: number }[] = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      await rm(manifest, { force: true });
      const load = await loadOnce(browser, baseUrl, user, TAB, ['movers', 'chart']);
      const doneAt = await waitForDiff(api);
      // The cell grid opened while the job runs, in a load of its own.
      await rm(manifest, { force: true });
      const cellsLoad = await loadOnce(browser, baseUrl, user, CELLS, ['cells']);
      const cellsDoneAt = await waitForDiff(api);
      const figures = { ...since(load, doneAt), cells: since(cellsLoad, cellsDoneAt).cells };
      jobMs.push(doneAt - load.navigationStart);
      log(
        `  cold ${i + 1}: job ended ${Math.round(doneAt - load.navigationStart)} ms after navigation; then ${JSON.stringify(figures)} ms`,
      );
      cold.push(figures);
      coldLoads.push({ load, doneAt });
    }
    const warmMedians = medians(warm);
    const coldMedians = medians(cold);
    const middle =
      coldLoads.find((c) => c.load.marks.movers! - c.doneAt === coldMedians.med.movers) ?? coldLoads[0]!;
    return {
      rows,
      warm_ms: warmMedians.med,
      warm_runs_ms: warmMedians.runs,
      cold_after_job_ms: coldMedians.med,
      cold_after_job_runs_ms: coldMedians.runs,
      cold_job_ms: Math.round(median(jobMs)),
      cold_requests_after_job: middle.load.requests
        .filter((r) => r.at >= middle.doneAt && r.at <= (middle.load.marks.movers ?? Infinity))
        .map((r) => `+${r.at - middle.doneAt} ms ${new URL(r.url).pathname.replace(/^.*\/diff/, 'diff')}`),
      chromium: browser.version(),
      loadavg_start: loadavgStart,
      loadavg_end: os.loadavg().map(round2),
    };
  } finally {
    await browser?.close();
    await api?.stop();
    await db.pool.query('DELETE FROM planning_input_sets WHERE label = $1', [DIFF_LABEL]);
    await db.close();
  }
}
