import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAINTED_ROWS } from '../../src/features/input-sets/list-painter';
import { importSampleDraft } from '../support/import-bundle';
import { startTestServer, type TSessionCaller, type TTestServer } from '../support/test-server';

/**
 * The input set list painted into index.html for a signed-in browser
 * (features/input-sets/list-painter.ts, docs/design.md section 8): the SPA's own server
 * module, built here as `pnpm build` builds it, against the real server and database.
 */

const webDir = fileURLToPath(new URL('../../../web', import.meta.url));

let home: string;
let indexHtml: string;
let server: TTestServer;
let viewer: TSessionCaller;
let planner: TSessionCaller;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-painted-'));
  // The SPA as `pnpm build` builds it (index.html and, beside it, dist-server), into this home.
  const built = spawnSync(
    process.execPath,
    [
      path.join(webDir, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      path.join(home, 'apps/web/dist'),
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: webDir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (built.status !== 0) throw new Error(`the SPA did not build:\n${built.stderr}`);
  indexHtml = await readFile(path.join(home, 'apps/web/dist/index.html'), 'utf8');
  server = await startTestServer({ env: { PLANNING_HUB_HOME: home } });
  viewer = await server.createUserWithSession('viewer');
  planner = await server.createUserWithSession('planner');
  await importSampleDraft(server.runtime.db.pool, 'weekly_painted');
  await importSampleDraft(server.runtime.db.pool, 'monthly_painted');
}, 120_000);
afterAll(async () => {
  await server?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

const page = (urlPath: string, headers: Record<string, string> = {}) => server.fetch(urlPath, { headers });

describe('the input set list painted into index.html', () => {
  it("shows a signed-in reader the list's rows, links and count, kept by no cache", async () => {
    const answer = await page('/ui/plans/input_sets', { cookie: viewer.cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    const html = await answer.text();
    expect(html).toContain('href="/ui/plans/input_sets/weekly_painted@draft"');
    expect(html).toContain('href="/ui/plans/input_sets/monthly_painted@draft"');
    expect(html).toMatch(/<p class="result-count"[^>]*>2 input sets</);
    // Shown without waiting for any script: index.html's blocking first-paint script is left out.
    expect(indexHtml).toMatch(/<script src="\/assets\/first-paint-/);
    expect(html).not.toContain('/assets/first-paint-');
    expect(html).toContain('<html lang="en" data-first-paint="list">');
    // The filters and copy buttons need the scripts: disabled until React replaces them.
    expect(html).toMatch(/<input[^>]*type="search"[^>]*disabled=""/);
    // A viewer may not upload; the session's CSRF token never goes into the page.
    expect(html).not.toContain('/ui/plans/input_sets/upload');
    expect(html).not.toContain(viewer.csrfToken);
    expect(await page('/ui/plans/input_sets', { cookie: planner.cookie }).then((r) => r.text())).toContain(
      'href="/ui/plans/input_sets/upload"',
    );
  });

  it("paints the URL's filters, and in the reader's language", async () => {
    const filtered = await page('/ui/plans/input_sets?search=weekly', { cookie: viewer.cookie }).then((r) =>
      r.text(),
    );
    expect(filtered).toContain('weekly_painted@draft');
    expect(filtered).not.toContain('monthly_painted@draft');
    const hostile = await page(
      `/ui/plans/input_sets?search=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
      { cookie: viewer.cookie },
    ).then((r) => r.text());
    expect(hostile).not.toContain('<img src=x');

    const chosen = await page('/ui', { cookie: `${viewer.cookie}; planning-hub.language=ja` }).then((r) =>
      r.text(),
    );
    expect(chosen).toContain('<html lang="ja" data-first-paint="list">');
    expect(chosen).toContain('<div class="first-paint-page" lang="ja">');
    expect(chosen).toContain('<h1 id="input-sets-title">入力セット</h1>');
    const asked = await page('/', {
      cookie: viewer.cookie,
      'accept-language': 'ja-JP,ja;q=0.9,en;q=0.8',
    }).then((r) => r.text());
    expect(asked).toContain('lang="ja"');
    expect(await page('/', { cookie: viewer.cookie }).then((r) => r.text())).toContain(
      '<div class="first-paint-page" lang="en">',
    );
  });

  it('paints the first rows of a longer list, the count saying how many there are in all', async () => {
    for (let i = 0; i < PAINTED_ROWS; i++) await importSampleDraft(server.runtime.db.pool, `long_list_${i}`);
    const total = PAINTED_ROWS + 2;
    // Again after a while, painted anew (other filters, same rows): a page painted once the
    // virtualizer's chunk has loaded must show its rows too (not the virtualizer's spacer,
    // with no screen to measure).
    const urls = [
      '/ui/plans/input_sets',
      '/ui/plans/input_sets?status=draft',
      '/ui/plans/input_sets?search=_',
    ];
    for (const [round, url] of urls.entries()) {
      if (round > 0) await setTimeout(500);
      const html = await page(url, { cookie: viewer.cookie }).then((r) => r.text());
      expect(html).toContain(`>${total} input sets<`);
      expect(html.match(/<a class="label-link" href=/g)).toHaveLength(PAINTED_ROWS);
    }
  });

  it('paints a list once per version, and ever new filters only up to 10 new pages a second', async () => {
    const isPainted = (html: string) => html.includes('class="first-paint-page"');
    const plain = () => page('/ui/plans/input_sets', { cookie: viewer.cookie }).then((r) => r.text());
    const first = await plain();
    expect(isPainted(first)).toBe(true);
    const started = Date.now();
    let painted = 0;
    for (let i = 0; i < 60; i++) {
      const html = await page(`/ui/plans/input_sets?search=burst_${i}`, { cookie: viewer.cookie }).then((r) =>
        r.text(),
      );
      if (isPainted(html)) painted += 1;
    }
    const seconds = (Date.now() - started) / 1000;
    expect(painted).toBeLessThanOrEqual(10 * (Math.ceil(seconds) + 1));
    if (seconds < 5) expect(painted).toBeLessThan(60);
    // The list read again is the page kept, whatever the budget says.
    expect(await plain()).toBe(first);
  });

  it('paints into index.html as it is now: a build while the server runs names new assets', async () => {
    const file = path.join(home, 'apps/web/dist/index.html');
    const rebuilt = indexHtml.replace('<title>Planning Hub</title>', '<title>Planning Hub (rebuilt)</title>');
    expect(rebuilt).not.toBe(indexHtml);
    await writeFile(file, rebuilt);
    // A new second: the test before may have spent this one's budget of new pages.
    await setTimeout(1100);
    try {
      const html = await page('/ui/plans/input_sets', { cookie: viewer.cookie }).then((r) => r.text());
      expect(html).toContain('<title>Planning Hub (rebuilt)</title>');
      expect(html).toContain('class="first-paint-page"');
    } finally {
      await writeFile(file, indexHtml);
    }
  });

  it('sends index.html unpainted to anyone else, and for filters the API would refuse', async () => {
    const token = await server.createUserWithToken('admin');
    for (const [urlPath, headers] of [
      ['/ui/plans/input_sets', {}],
      ['/ui/plans/input_sets', { cookie: 'planning_hub_session=not-a-session' }],
      ['/ui/plans/input_sets', token.headers],
      ['/ui/plans/input_sets?status=bogus', { cookie: viewer.cookie }],
    ] as const) {
      const answer = await page(urlPath, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-cache');
      expect(await answer.text()).toBe(indexHtml);
    }
  });
});
