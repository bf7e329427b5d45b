import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const MARKER = '.generated.json';

/** The generator's own source: a bundle made by other code is made again. */
async function generatorFingerprint(home: string): Promise<string> {
  const hash = createHash('sha256');
  const generateDir = path.join(home, 'packages', 'core', 'src', 'generate');
  const files = (await readdir(generateDir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const file of [
    ...files.map((f) => path.join(generateDir, f)),
    path.join(home, 'scripts', 'generate-bundle.ts'),
  ]) {
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export type TBundleInfo = { dir: string; demandBytes: number; totalBytes: number; generatedNow: boolean };

/**
 * bench/data/bundle-<rows>: the deterministic bundle of scripts/generate-bundle.ts
 * (seed 1), generated once and reused while the generator is unchanged.
 */
export async function ensureBundle(
  home: string,
  rows: number,
  log: (line: string) => void,
): Promise<TBundleInfo> {
  const dir = path.join(home, 'bench', 'data', `bundle-${rows}`);
  const expected = JSON.stringify({ rows, seed: 1, generator: await generatorFingerprint(home) });
  const markerFile = path.join(dir, MARKER);
  let generatedNow = false;
  if (!existsSync(markerFile) || (await readFile(markerFile, 'utf8')) !== expected) {
    log(`generating ${rows.toLocaleString('en-US')} demand rows into ${path.relative(home, dir)}`);
    await rm(dir, { recursive: true, force: true });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/generate-bundle.ts', '--rows', String(rows), '--out', dir, '--seed', '1'],
      { cwd: home, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`generate-bundle exited with ${code}`);
    await writeFile(markerFile, expected);
    generatedNow = true;
  }
  let totalBytes = 0;
  for (const file of await readdir(dir)) {
    if (!file.startsWith('.')) totalBytes += (await stat(path.join(dir, file))).size;
  }
  return { dir, demandBytes: (await stat(path.join(dir, 'demand.csv'))).size, totalBytes, generatedNow };
}
