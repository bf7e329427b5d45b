import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactWriteError, createFileArtifactStore } from '../../src/services/runs/artifact-store';

const KEY = 'runs/6f1c2a8e-0000-4000-8000-000000000001/planning_input_set.json';
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-store-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('createFileArtifactStore', () => {
  it('hashes exactly the bytes it stores and shows nothing before commit', async () => {
    const store = createFileArtifactStore(root);
    const writer = await store.create(KEY);
    const body = `{"label":"東京"}\n`.repeat(100_000);
    for (let i = 0; i < body.length; i += 7_777) writer.write(body.slice(i, i + 7_777));
    expect(await store.open(KEY)).toBeNull();
    const stored = await writer.commit();
    const bytes = await readFile(path.join(root, KEY));
    expect(stored).toEqual({
      key: KEY,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(bytes.toString('utf8')).toBe(body);
    const opened = await store.open(KEY);
    expect(opened?.bytes).toBe(bytes.length);
    expect(await text(opened!.stream)).toBe(body);
    expect(await readdir(path.dirname(path.join(root, KEY)))).toEqual(['planning_input_set.json']);
  });

  it('leaves nothing behind when aborted', async () => {
    const store = createFileArtifactStore(root);
    const key = 'runs/6f1c2a8e-0000-4000-8000-000000000002/planning_input_set.json';
    const writer = await store.create(key);
    writer.write('partial');
    await writer.abort();
    expect(await readdir(path.join(root, 'runs', '6f1c2a8e-0000-4000-8000-000000000002'))).toEqual([]);
    expect(await store.open(key)).toBeNull();
  });

  it('reports a store it cannot write to as ArtifactWriteError', async () => {
    const store = createFileArtifactStore(path.join(root, KEY));
    await expect(store.create(KEY)).rejects.toBeInstanceOf(ArtifactWriteError);
    await expect(store.create(KEY)).rejects.toThrow(
      /^Could not write planning_input_set\.json to the artifact store: /,
    );
  });

  it('refuses keys that could leave its folder', async () => {
    const store = createFileArtifactStore(root);
    for (const key of ['../x.json', 'runs/../../x.json', '/etc/passwd', 'runs/a/../../x', 'runs']) {
      await expect(store.create(key)).rejects.toThrow('is not an artifact key');
    }
  });
});
