import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { round2 } from './machine';
import type { TSpaLcpResult } from './spa-lcp';

/** One chunk of Vite's manifest (dist/.vite/manifest.json). */
type TManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
type TManifest = Record<string, TManifestChunk>;

/** The page /ui opens on (the input set list), a route chunk of its own. */
const LANDING_PAGE_SRC = 'src/features/input-sets/pages/input-sets-page.tsx';
/** The English messages, a chunk of their own that main.tsx loads before the first render. */
const FIRST_MESSAGES_SRC = 'src/i18n/en.ts';
/**
 * The app (React DOM, the router, the shell): since 2026-12-07 main.tsx loads it with a
 * dynamic import before the first render, after asking for the session and the list, so it
 * is no longer among the entry's static imports (builds before that have no such chunk).
 */
const APP_SRC = 'src/app/render-app.tsx';

/** Where the bench builds the SPA; named dist/ like every build output, so that eslint and prettier leave it alone. */
export function spaDistDir(home: string): string {
  return path.join(home, 'bench', 'data', 'spa', 'dist');
}

/** bench/results.json's `spa`: gzip sizes in KiB (zlib's default level, as a server would send them). */
export type TSpaBundleResult = Partial<TSpaLcpResult> & {
  entry_file: string;
  entry_gzip_kb: number;
  /** The entry and every chunk it imports statically: what runs before the app's chunk and any route chunk. */
  initial_js_gzip_kb: number;
  /** The initial JS plus the reader's messages (English), the app's chunks and the input set list page's: what /ui needs. */
  landing_js_gzip_kb: number;
  /** The same uncompressed: what a browser downloads from the API itself, which does not compress. */
  landing_js_raw_kb: number;
  total_js_gzip_kb: number;
  total_js_raw_kb: number;
  css_gzip_kb: number;
  chunks: number;
  /** Chunks that only a dynamic import (a lazy route) loads. */
  lazy_chunks: number;
  build_s: number;
  loadavgStart: number[];
  loadavgEnd: number[];
};

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Files a chunk loads with it: its own, then its static imports', transitively. */
function staticClosure(manifest: TManifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

async function runViteBuild(home: string, outDir: string): Promise<number> {
  const started = performance.now();
  // The web app's own build script (vite build), into a folder of the bench's: apps/web/dist
  // may be what a running API or Playwright suite serves at the same moment.
  const child = spawn(
    'pnpm',
    ['--filter', '@planning-hub/web', 'build', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: home,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`vite build exited with ${code}`);
  return (performance.now() - started) / 1000;
}

/**
 * spa: the production build of apps/web (Vite, routes lazy-loaded: apps/web/src/app/router.tsx),
 * measured from its manifest: the gzip size of the entry chunk, of what the first page
 * needs, and of all JavaScript.
 */
export async function measureSpaBundle({
  home,
  log,
}: {
  home: string;
  log: (line: string) => void;
}): Promise<TSpaBundleResult> {
  log('\n[spa] vite build');
  const outDir = spaDistDir(home);
  const loadavgStart = os.loadavg().map(round2);
  const buildS = await runViteBuild(home, outDir);
  const manifest = JSON.parse(
    await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as TManifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entryKey) throw new Error('the Vite manifest names no entry chunk');
  const gzipKb = new Map<string, number>();
  const rawBytes = new Map<string, number>();
  const assets = (await readdir(path.join(outDir, 'assets'))).map((name) => `assets/${name}`);
  for (const file of assets.filter((f) => f.endsWith('.js') || f.endsWith('.css'))) {
    const bytes = await readFile(path.join(outDir, file));
    rawBytes.set(file, bytes.length);
    gzipKb.set(file, gzipSync(bytes).length);
  }
  const sum = (files: Iterable<string>, sizes = gzipKb) =>
    kb([...files].reduce((s, f) => s + (sizes.get(f) ?? 0), 0));
  const jsFiles = assets.filter((f) => f.endsWith('.js'));
  const initial = staticClosure(manifest, entryKey);
  const landing = staticClosure(
    manifest,
    LANDING_PAGE_SRC,
    staticClosure(manifest, APP_SRC, staticClosure(manifest, FIRST_MESSAGES_SRC, new Set(initial))),
  );
  // index.html's first-paint script (apps/web/src/app/first-paint.ts): an asset, not a chunk of the manifest.
  for (const file of jsFiles) if (/^assets\/first-paint-[^/]+\.js$/.test(file)) landing.add(file);
  const entry = manifest[entryKey]!;
  return {
    entry_file: entry.file,
    entry_gzip_kb: sum([entry.file]),
    initial_js_gzip_kb: sum(initial),
    landing_js_gzip_kb: sum(landing),
    landing_js_raw_kb: sum(landing, rawBytes),
    total_js_gzip_kb: sum(jsFiles),
    total_js_raw_kb: sum(jsFiles, rawBytes),
    css_gzip_kb: sum(assets.filter((f) => f.endsWith('.css'))),
    chunks: jsFiles.length,
    lazy_chunks: Object.values(manifest).filter((c) => c.isDynamicEntry).length,
    build_s: round2(buildS),
    loadavgStart,
    loadavgEnd: os.loadavg().map(round2),
  };
}
