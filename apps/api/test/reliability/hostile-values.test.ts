import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEventsResponse } from '@planning-hub/contracts/api/events';
import { ZImportReport, ZInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { ZPlan, ZRunDetail } from '@planning-hub/contracts/api/runs';
import { ZListTokensResponse } from '@planning-hub/contracts/api/tokens';
import { VALID_BUNDLE } from '@planning-hub/test-support/bundle-files';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/**
 * Values that passed validation and then got a 500, or worse, went through: numbers
 * past PostgreSQL's bigint, terminal escapes in comments, `__proto__` as a param key,
 * a long Japanese note cut silently by the multipart parser.
 */

let server: TTestServer;
let admin: TTokenCaller;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.createUserWithToken('admin');
  await importDraft(server.runtime.db.pool, 'hostile');
});
afterAll(() => server?.close());

const ESCAPES = {
  ESC: 'approved\u001b[1A\u001b[2K2026-11-25 upload r9 by someone else',
  'bare CR': 'approved\rfake line',
  CSI: 'approved\u009b2K',
  NUL: 'approved\u0000',
  'bidi override': 'approved \u202edegnahc',
};

async function send(method: string, path: string, body?: unknown) {
  return server.fetch(path, {
    method,
    headers: { ...admin.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function expectProblem(res: Response, status: number, detail?: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = ZProblemDetails.parse(await res.json());
  if (detail) expect(problem.detail).toMatch(detail);
  return problem;
}

/**
 * The sample bundle as multipart written by hand: FormData would turn every bare CR or
 * LF of a field into CRLF, as browsers do, and a script need not.
 */
function upload(label: string, fields: Record<string, string>, overrides: Record<string, string> = {}) {
  const boundary = 'hostile-values-boundary';
  const parts: Buffer[] = [];
  const part = (disposition: string, content: string) =>
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n${content}\r\n`),
    );
  for (const [name, value] of Object.entries({ version_id: '2027-01-A', ...fields }))
    part(`name="${name}"`, value);
  for (const [name, content] of Object.entries({ ...VALID_BUNDLE, ...overrides }))
    part(`name="files"; filename="${name}"`, content);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return server.fetch(API.upload(label), {
    method: 'POST',
    headers: { ...admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat(parts),
  });
}

describe('numbers in the query', () => {
  it('answers 400, not 500, for an events cursor past bigint', async () => {
    await expectProblem(
      await send('GET', `${API.events('hostile')}?cursor=9999999999999999999`),
      400,
      /cursor/,
    );
    expect((await send('GET', `${API.events('hostile')}?cursor=9223372036854775807`)).status).toBe(200);
  });

  it('answers 400 for offsets and limits out of range, negative or not numbers', async () => {
    for (const query of [
      'offset=1e20',
      'offset=-1',
      'limit=0',
      'limit=NaN',
      'limit=Infinity',
      'limit=1&limit=2',
      'offset=0x7fffffffffffffff',
    ]) {
      await expectProblem(await send('GET', `${API.inputSets}?${query}`), 400);
      await expectProblem(await send('GET', `${API.tableRows('hostile@draft', 'demand')}?${query}`), 400);
    }
    for (const query of ['limit=201', 'limit=-5', 'limit=1e9'])
      await expectProblem(await send('GET', `${API.runs}?${query}`), 400);
  });
});

describe('control characters in comments, notes and names', () => {
  for (const [what, text] of Object.entries(ESCAPES)) {
    it(`refuses ${what} in review, archive and backfill comments, notes and plan names with 400`, async () => {
      await expectProblem(
        await send('POST', API.review('hostile@draft'), { action: 'approve', comment: text }),
        400,
        /control characters/,
      );
      await expectProblem(
        await send('POST', API.archive('hostile@draft'), { comment: text }),
        400,
        /control characters/,
      );
      await expectProblem(
        await send('POST', `${API.inputSet('hostile@draft')}/events/backfill`, { comment: text }),
        400,
        /control characters/,
      );
      await expectProblem(await upload('hostile', { note: text }), 400, /control characters/);
      await expectProblem(await send('POST', API.runs, { note: text }), 400, /control characters/);
      await expectProblem(await send('POST', API.plans, { name: text }), 400, /control characters/);
    });
  }

  it('refuses control characters and line breaks in token names (POST /api/tokens and /api/auth/tokens), naming the character', async () => {
    const user = await server.createUser('viewer');
    const names = {
      ...ESCAPES,
      LF: 'planning-cli\nfake',
      'line separator': 'planning-cli\u2028fake',
      'paragraph separator': 'cli\u2029x',
    };
    for (const [what, name] of Object.entries(names)) {
      const named = /A token name cannot contain control characters \(U\+[0-9A-F]{4} at character \d+\)/;
      await expectProblem(await send('POST', API.tokens, { name }), 400, named);
      const login = await server.fetch(API.loginToken, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: user.password, name }),
      });
      expect(login.status, what).toBe(400);
      await expectProblem(login, 400, named);
    }
    const listed = ZListTokensResponse.parse(await (await send('GET', API.tokens)).json());
    expect(listed.items.map((t) => t.name)).not.toContain(names['line separator']);
  });

  it('refuses line breaks in a plan name, which is one line', async () => {
    await expectProblem(await send('POST', API.plans, { name: 'weekly\nplan' }), 400, /control characters/);
  });

  it('changed nothing while refusing: the draft is still a draft with one upload event', async () => {
    const events = ZEventsResponse.parse(await (await send('GET', API.events('hostile'))).json());
    expect(events.events.map((e) => e.action)).toEqual(['upload']);
  });

  it('keeps line breaks (LF and CRLF) and tabs in multi-line notes and comments', async () => {
    const note = 'line one\nline two\r\n\tindented';
    const res = await upload('multiline', { note });
    expect(res.status).toBe(201);
    const detail = ZInputSetDetail.parse(await (await send('GET', API.inputSet('multiline@draft'))).json());
    expect(detail.note).toBe(note);
    const review = await send('POST', API.review('multiline@draft'), {
      action: 'approve',
      comment: 'JIRA-1\nchecked\tall',
      acknowledge_warnings: true,
    });
    expect(review.status).toBe(200);
    const events = ZEventsResponse.parse(await (await send('GET', API.events('multiline'))).json());
    expect(events.events[0]).toMatchObject({ action: 'approve', comment: 'JIRA-1\nchecked\tall' });
    const run = await send('POST', API.runs, { input_set_label: 'multiline', note: 'why:\n\tbecause' });
    expect(run.status).toBe(201);
    expect(ZRunDetail.parse(await run.json()).note).toBe('why:\n\tbecause');
  });
});

describe('param keys __proto__, constructor and prototype', () => {
  it('stores, exports and plans with them as plain params', async () => {
    const params = JSON.parse(VALID_BUNDLE['params.json']!) as Record<string, unknown>;
    const entries = Object.entries(params).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
    const hostile = `{${entries.join(',')},"__proto__":{"polluted":"yes","period_granularity":"day"},"constructor":"c","prototype":3}`;
    const res = await upload('proto', {}, { 'params.json': hostile });
    expect(res.status).toBe(201);
    const report = ZImportReport.parse(await res.json());
    expect(report.rowCounts.params).toBe(7);
    const { rows } = await server.runtime.db.pool.query<{ key: string; value: unknown }>(
      "SELECT key, value FROM planning_input_params p JOIN planning_input_sets s ON s.id = p.input_set_id WHERE s.label = 'proto' AND key IN ('__proto__', 'constructor', 'prototype') ORDER BY key",
    );
    expect(rows).toEqual([
      { key: '__proto__', value: { polluted: 'yes', period_granularity: 'day' } },
      { key: 'constructor', value: 'c' },
      { key: 'prototype', value: 3 },
    ]);
    expect((await send('GET', API.exportZip('proto@draft'))).status).toBe(200);
    expect(
      (
        await send('POST', API.review('proto@draft'), {
          action: 'approve',
          comment: 'ok',
          acknowledge_warnings: true,
        })
      ).status,
    ).toBe(200);
    const run = ZRunDetail.parse(await (await send('POST', API.runs, { input_set_label: 'proto' })).json());
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    expect(run.result?.horizon.granularity).toBe('month');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('multipart fields', () => {
  it('keeps a 2000-character Japanese note whole', async () => {
    const note = '需給計画の確認済み。'.repeat(200);
    expect(note).toHaveLength(2000);
    const res = await upload('long-note', { note });
    expect(res.status).toBe(201);
    const detail = ZInputSetDetail.parse(await (await send('GET', API.inputSet('long-note@draft'))).json());
    expect(detail.note).toBe(note);
  });

  it('answers 400 for a note over 2000 characters, and 413 naming the field for one the parser would cut', async () => {
    await expectProblem(await upload('long-note', { note: 'あ'.repeat(2001) }), 400, /note/);
    await expectProblem(await upload('long-note', { note: 'あ'.repeat(20_000) }), 413, /'note'/);
    await expectProblem(await upload('long-note', { version_id: 'x'.repeat(100_000) }), 413, /'version_id'/);
  });
});

describe('plans', () => {
  it('still creates a plan with an ordinary name', async () => {
    const res = await send('POST', API.plans, { name: '週次計画 (weekly)' });
    expect(res.status).toBe(201);
    expect(ZPlan.parse(await res.json()).name).toBe('週次計画 (weekly)');
  });
});
