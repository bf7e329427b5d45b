import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCliEnv } from '../src/config/cli-env';
import {
  credentialsFilePath,
  findStoredLogin,
  removeStoredLogin,
  storeLogin,
} from '../src/connection/credentials-file';
import { DEFAULT_SERVER_URL, resolveConnection } from '../src/connection/resolve-connection';
import { normalizeServerUrl } from '../src/connection/server-url';
import { multipartBody } from '../src/upload/multipart-body';

/** How the CLI picks its server and credential, and frames an upload: plain functions over temporary folders. */
let scratch: string;
let checkout: string;
const SECRET = 'S'.repeat(43);

function envOf(overrides: Partial<TCliEnv> = {}): TCliEnv {
  return {
    serverUrl: undefined,
    token: undefined,
    dataDir: undefined,
    configDir: path.join(scratch, 'config'),
    chromiumPath: undefined,
    osUser: 'ops',
    locale: undefined,
    ...overrides,
  };
}

async function writeServerFile(dataDir: string, url: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(
    path.join(dataDir, 'server.json'),
    JSON.stringify({
      format: 'planning-hub/local-server@1',
      url,
      secret: SECRET,
      pid: 1,
      startedAt: new Date().toISOString(),
    }),
  );
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'planning-connection-'));
  checkout = path.join(scratch, 'checkout');
  await writeServerFile(path.join(checkout, '.data'), 'http://127.0.0.1:8123/');
  await mkdir(path.join(checkout, 'deep', 'er'), { recursive: true });
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('finding the server', () => {
  it('walks up from the working folder to .data/server.json and acts as the local operator', async () => {
    const connection = await resolveConnection({}, envOf(), path.join(checkout, 'deep', 'er'));
    expect(connection.serverUrl).toBe('http://127.0.0.1:8123');
    expect(connection.serverSource).toEqual({
      kind: 'server-file',
      file: path.join(checkout, '.data', 'server.json'),
    });
    expect(connection.credential).toMatchObject({ kind: 'local', secret: SECRET, osUser: 'ops' });
  });

  it('reads PLANNING_HUB_DATA_DIR relative to the working folder, and only there', async () => {
    const elsewhere = path.join(scratch, 'elsewhere');
    await mkdir(elsewhere, { recursive: true });
    const found = await resolveConnection({}, envOf({ dataDir: '../checkout/.data' }), elsewhere);
    expect(found.credential).toMatchObject({ kind: 'local' });
    const missing = await resolveConnection({}, envOf({ dataDir: 'nothing' }), checkout);
    expect(missing.serverUrl).toBe(DEFAULT_SERVER_URL);
    expect(missing.credential).toBeNull();
  });

  it('prefers --server, then PLANNING_HUB_URL; the local secret only counts for the server that wrote it', async () => {
    const byOption = await resolveConnection(
      { server: 'http://Example.com:80/hub/' },
      envOf({ serverUrl: 'http://127.0.0.1:8123' }),
      checkout,
    );
    expect(byOption.serverUrl).toBe('http://example.com/hub');
    expect(byOption.credential).toBeNull();
    const byEnv = await resolveConnection({}, envOf({ serverUrl: 'http://127.0.0.1:8123' }), checkout);
    expect(byEnv.serverSource).toEqual({ kind: 'env' });
    expect(byEnv.credential).toMatchObject({ kind: 'local' });
  });

  it('lets an explicit credential win over the local operator: --token, then PLANNING_HUB_TOKEN, then a stored login', async () => {
    const env = envOf({ configDir: path.join(scratch, 'config-precedence') });
    await storeLogin(credentialsFilePath(env.configDir), 'http://127.0.0.1:8123', {
      token: 'ph_stored',
      username: 'alice',
      prefix: 'stored',
      expiresAt: null,
      createdAt: new Date().toISOString(),
    });
    expect((await resolveConnection({}, env, checkout)).credential).toMatchObject({
      kind: 'token',
      token: 'ph_stored',
      source: 'login',
    });
    expect((await resolveConnection({}, { ...env, token: 'ph_env' }, checkout)).credential).toMatchObject({
      token: 'ph_env',
      source: 'env',
    });
    expect(
      (await resolveConnection({ token: 'ph_option' }, { ...env, token: 'ph_env' }, checkout)).credential,
    ).toMatchObject({
      token: 'ph_option',
      source: 'option',
    });
  });

  it('refuses a server URL that is not http(s), naming where it came from', () => {
    expect(() => normalizeServerUrl('ftp://x', 'PLANNING_HUB_URL')).toThrow(
      "PLANNING_HUB_URL 'ftp://x' is not an http(s) URL.",
    );
    expect(() => normalizeServerUrl('localhost:8080x', '--server')).toThrow(
      /--server 'localhost:8080x' is not/,
    );
  });
});

describe('the credentials file', () => {
  it('keeps one login per server, readable by this OS user only, and forgets it on logout', async () => {
    const file = credentialsFilePath(path.join(scratch, 'config-file'));
    const login = {
      token: 'ph_a',
      username: 'alice',
      prefix: 'aaaaaaaa',
      expiresAt: null,
      createdAt: new Date().toISOString(),
    };
    expect(await storeLogin(file, 'http://a', login)).toBeNull();
    await storeLogin(file, 'http://b', { ...login, token: 'ph_b' });
    expect(await storeLogin(file, 'http://a', { ...login, token: 'ph_a2' })).toMatchObject({ token: 'ph_a' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(await findStoredLogin(file, 'http://a')).toMatchObject({ token: 'ph_a2' });
    expect(await removeStoredLogin(file, 'http://a')).toMatchObject({ token: 'ph_a2' });
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).servers)).toEqual(['http://b']);
  });
});

describe('the multipart upload body', () => {
  it('announces exactly the bytes it sends, and a standard parser reads its fields and files back', async () => {
    const dir = path.join(scratch, 'bundle');
    await mkdir(dir, { recursive: true });
    const files = [
      { name: 'demand.csv', content: 'item_code,location_code,period,quantity\n部品-001,東京,2027-01,1\n' },
      { name: 'we"ird name.csv', content: '' },
    ];
    for (const f of files) await writeFile(path.join(dir, f.name), f.content);
    const body = multipartBody(
      { version_id: '2027-W01', note: '週次 note' },
      await Promise.all(
        files.map(async (f) => ({
          name: f.name,
          path: path.join(dir, f.name),
          size: (await stat(path.join(dir, f.name))).size,
        })),
      ),
    );
    const sent: number[] = [];
    const chunks: Buffer[] = [];
    for await (const chunk of body.chunks((n) => sent.push(n))) chunks.push(Buffer.from(chunk));
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(body.contentLength);
    expect(sent.at(-1)).toBe(body.contentLength);

    const form = await new Response(bytes, { headers: { 'content-type': body.contentType } }).formData();
    expect(form.get('version_id')).toBe('2027-W01');
    expect(form.get('note')).toBe('週次 note');
    const uploaded = form.getAll('files') as File[];
    expect(uploaded.map((f) => f.name)).toEqual(['demand.csv', 'we"ird name.csv']);
    expect(await uploaded[0]!.text()).toBe(files[0]!.content);
  });

  it('refuses to send a file that changed size after the length was announced', async () => {
    const file = path.join(scratch, 'growing.csv');
    await writeFile(file, 'abc');
    const body = multipartBody({}, [{ name: 'growing.csv', path: file, size: 3 }]);
    await writeFile(file, 'abcdef');
    const drain = async () => {
      for await (const _chunk of body.chunks()) {
        // read everything
      }
    };
    await expect(drain()).rejects.toThrow('changed while it was being uploaded');
  });
});
