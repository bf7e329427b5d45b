import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTestPool } from '@planning-hub/test-support/test-database';
import { systemActor } from '../../src/services/auth/actor';
import { createExportCache } from '../../src/services/input-sets/export-cache';
import { exportBundleAsZip, exportBundleToFolder } from '../../src/services/input-sets/export-bundle';
import { DRAFT_EDITS, importRevision, markDraftReady } from '@planning-hub/test-support/diff-fixtures';

const actor = systemActor('cli:test');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The entries of a zip, name -> bytes. */
async function unzip(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const entries: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        void readAll(stream).then((data) => {
          entries[entry.fileName] = data.toString('hex');
          zip.readEntry();
        }, reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

async function readFolder(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort())
    files[name] = (await readFile(path.join(dir, name))).toString('hex');
  return files;
}

describe('exports of revisions that are not drafts, written once', () => {
  const db = useTestPool();
  let scratch: string;
  let cacheDir: string;

  beforeEach(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-export-cache-'));
    cacheDir = path.join(scratch, 'artifacts', 'exports');
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  it('gives the same files from the cache as from the database, for the folder and the zip', async () => {
    const label = 'export_cached';
    const contentHash = await importRevision(db.pool, label);
    await markDraftReady(db.pool, label);
    const exportCache = createExportCache(cacheDir);
    const ref = label;

    await exportBundleToFolder({ pool: db.pool }, { ref, outDir: path.join(scratch, 'live'), actor });
    await exportBundleToFolder(
      { pool: db.pool, exportCache },
      { ref, outDir: path.join(scratch, 'cold'), actor },
    );
    expect(await readdir(cacheDir)).toEqual([contentHash]);
    await exportBundleToFolder(
      { pool: db.pool, exportCache },
      { ref, outDir: path.join(scratch, 'warm'), actor },
    );
    const live = await readFolder(path.join(scratch, 'live'));
    expect(Object.keys(live)).toContain('demand.csv');
    expect(await readFolder(path.join(scratch, 'cold'))).toEqual(live);
    expect(await readFolder(path.join(scratch, 'warm'))).toEqual(live);

    const liveZip = await readAll((await exportBundleAsZip({ pool: db.pool }, { ref, actor })).stream);
    const coldZip = await readAll(
      (await exportBundleAsZip({ pool: db.pool, exportCache }, { ref, actor })).stream,
    );
    expect((await readdir(cacheDir)).sort()).toEqual([contentHash, `${contentHash}.zip`]);
    const warm = await exportBundleAsZip({ pool: db.pool, exportCache }, { ref, actor });
    expect(warm.fileName).toBe(`planning_inputs_${label}.zip`);
    const warmZip = await readAll(warm.stream);
    expect(warmZip.equals(coldZip)).toBe(true);
    expect(await unzip(coldZip)).toEqual(await unzip(liveZip));
    expect(await unzip(coldZip)).toEqual(live);

    // Every export is still an export event, served from the cache or not.
    const { rows } = await db.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM planning_input_set_events WHERE label = $1 AND action = 'export'",
      [label],
    );
    expect(Number(rows[0]!.n)).toBe(6);
  });

  it('reads a draft from the database every time: an upload may replace its rows', async () => {
    const label = 'export_draft';
    await importRevision(db.pool, label);
    const exportCache = createExportCache(cacheDir);
    const ref = `${label}@draft`;
    await exportBundleToFolder(
      { pool: db.pool, exportCache },
      { ref, outDir: path.join(scratch, 'first'), actor },
    );
    await readAll((await exportBundleAsZip({ pool: db.pool, exportCache }, { ref, actor })).stream);
    await importRevision(db.pool, label, DRAFT_EDITS, '2027-01-B');
    await exportBundleToFolder(
      { pool: db.pool, exportCache },
      { ref, outDir: path.join(scratch, 'second'), actor },
    );
    await expect(readdir(cacheDir)).rejects.toThrow(/ENOENT/);
    const first = await readFolder(path.join(scratch, 'first'));
    const second = await readFolder(path.join(scratch, 'second'));
    expect(second['demand.csv']).not.toBe(first['demand.csv']);
  });

  it('keeps no zip of a download stopped halfway', async () => {
    const label = 'export_stopped';
    await importRevision(db.pool, label);
    await markDraftReady(db.pool, label);
    const exportCache = createExportCache(cacheDir);
    const { stream } = await exportBundleAsZip({ pool: db.pool, exportCache }, { ref: label, actor });
    await new Promise<void>((resolve) => {
      stream.once('data', () => {
        stream.destroy();
        resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const left = await readdir(cacheDir).catch(() => []);
    expect(left.filter((name) => name.endsWith('.zip'))).toEqual([]);
    expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // The connection went back: the next export works.
    await exportBundleToFolder({ pool: db.pool }, { ref: label, outDir: path.join(scratch, 'after'), actor });
  });
});
