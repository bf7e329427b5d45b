import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { ZListRunsResponse, ZRunDetail } from '@planning-hub/contracts/api/runs';
import { archiveRevision } from '@planning-hub/server/services/review/archive-revision';
import { importSampleDraft } from '../support/import-bundle';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';
import { importReadySet, postJson, readMetric, sha256Hex } from './run-fixtures';
import { systemActor } from '@planning-hub/server/services/auth/actor';

let server: TTestServer;
let planner: TTokenCaller;
let viewer: TTokenCaller;

const LEGACY_RUNS = 'run_without_input_set_total{entrypoint="/runs"}';

beforeAll(async () => {
  server = await startTestServer();
  planner = await server.createUserWithToken('planner');
  viewer = await server.createUserWithToken('viewer');
});
afterAll(() => server?.close());

async function startRun(body: unknown) {
  const res = await postJson(server, '/api/runs', planner.headers, body);
  expect(res.status).toBe(201);
  return ZRunDetail.parse(await res.json());
}

describe('POST /api/runs without a label (Legacy mode)', () => {
  it('runs in Legacy mode with the runbook warning and counts run_without_input_set_total{entrypoint="/runs"}', async () => {
    expect(await readMetric(server, LEGACY_RUNS)).toBe(0);
    const run = await startRun({});
    expect(run).toMatchObject({
      entrypoint: '/runs',
      status: 'succeeded',
      inputSetLabel: null,
      sha256: null,
      artifact: null,
      result: null,
    });
    expect(run.warnings).toHaveLength(1);
    const [warning] = run.warnings;
    expect(warning).toMatchObject({ code: 'legacy_mode', title: 'Legacy mode' });
    expect(warning!.message).toContain(
      'attach the evidence of the CSV bundle that was used and the reason for the exception to the run note',
    );
    expect(warning!.commands).toEqual([
      'pnpm planning list --status ready',
      'pnpm planning runs create --label <ready label>',
      `pnpm planning runs note ${run.id} --text "evidence: <CSV bundle path and sha256>; reason: <why no ready input set could be used>"`,
    ]);
    expect(await readMetric(server, LEGACY_RUNS)).toBe(1);
    expect(await readMetric(server, 'run_without_input_set_total{entrypoint="cli"}')).toBe(0);
  });

  it('keeps the exception reason in the run note', async () => {
    const run = await startRun({ note: 'first try' });
    const res = await server.fetch(`/api/runs/${run.id}/note`, {
      method: 'PUT',
      headers: { ...planner.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'evidence: out/legacy.zip sha256 abc; reason: JIRA-9 hotfix' }),
    });
    expect(res.status).toBe(200);
    expect(ZRunDetail.parse(await res.json()).note).toBe(
      'evidence: out/legacy.zip sha256 abc; reason: JIRA-9 hotfix',
    );
    expect(await readMetric(server, LEGACY_RUNS)).toBe(2);
  });
});

describe('POST /api/runs with a label that has no ready revision (Missing InputSet)', () => {
  it('warns Missing InputSet with the runbook import command and counts nothing as Legacy', async () => {
    const before = await readMetric(server, LEGACY_RUNS);
    const run = await startRun({ input_set_label: 'never_imported' });
    expect(run).toMatchObject({
      status: 'succeeded',
      inputSetLabel: 'never_imported',
      inputSetRevision: null,
      sha256: null,
      result: null,
    });
    expect(run.warnings).toEqual([
      {
        code: 'missing_input_set',
        title: 'Missing InputSet',
        message: expect.stringContaining("Input set 'never_imported' has no ready revision"),
        messageParts: [
          { messageCode: 'run.missing_input_set.no_ready', params: { label: 'never_imported' } },
          {
            messageCode: 'run.missing_input_set.no_revisions',
            params: { folder: 'out/planning_inputs_never_imported' },
          },
        ],
        commands: [
          'pnpm planning import -i out/planning_inputs_never_imported --version-id <id> --label never_imported',
          'pnpm planning review --label never_imported@draft --action approve --reviewer <id> --comment "..."',
          'pnpm planning list --status ready',
          'pnpm planning runs create --label never_imported',
        ],
      },
    ]);
    expect(await readMetric(server, LEGACY_RUNS)).toBe(before);
  });

  it("fills in the draft's version id and points to its approval", async () => {
    await importSampleDraft(server.runtime.db.pool, 'draft_only', '2027-W05');
    const run = await startRun({ input_set_label: 'draft_only' });
    const [warning] = run.warnings;
    expect(warning!.code).toBe('missing_input_set');
    expect(warning!.commands.slice(0, 2)).toEqual([
      'pnpm planning import -i out/planning_inputs_draft_only --version-id 2027-W05 --label draft_only',
      'pnpm planning review --label draft_only@draft --action approve --reviewer <id> --comment "..."',
    ]);
    expect(warning!.message).toContain('r1 (version 2027-W05) is a draft waiting for review');
  });

  it('refuses a reference with @: runs use ready sets only', async () => {
    const res = await postJson(server, '/api/runs', planner.headers, { input_set_label: 'draft_only@draft' });
    expect(res.status).toBe(400);
    const problem = ZProblemDetails.parse(await res.json());
    expect(problem.detail).toBe("Runs use ready input sets only; 'draft_only@draft' names a draft.");
    expect(problem.hint).toContain('pnpm planning review --label draft_only@draft --action approve');
  });

  it('refuses unknown body fields and a bad label with 400', async () => {
    expect((await postJson(server, '/api/runs', planner.headers, { label: 'x' })).status).toBe(400);
    expect(
      (await postJson(server, '/api/runs', planner.headers, { input_set_label: 'Weekly Refresh' })).status,
    ).toBe(400);
  });
});

describe('a run on a ready input set', () => {
  let runId: string;
  let sha256: string;

  it('writes planning_input_set.json whose downloaded bytes hash to the run sha256', async () => {
    const report = await importReadySet(server.runtime.db.pool, 'weekly_refresh');
    const run = await startRun({ input_set_label: 'weekly_refresh' });
    expect(run).toMatchObject({
      status: 'succeeded',
      warnings: [],
      error: null,
      inputSetLabel: 'weekly_refresh',
      inputSetRevision: 1,
      inputSetVersionId: '2027-01-A',
      contentHash: report.contentHash,
    });
    expect(run.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.artifact).toMatchObject({
      name: 'planning_input_set.json',
      sha256: run.sha256,
      url: `/api/runs/${run.id}/artifacts/planning_input_set.json`,
    });
    runId = run.id;
    sha256 = run.sha256!;

    const res = await server.fetch(run.artifact!.url, { headers: viewer.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-content-sha256')).toBe(sha256);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(sha256Hex(bytes)).toBe(sha256);
    expect(bytes.length).toBe(run.artifact!.bytes);

    const snapshot = JSON.parse(new TextDecoder().decode(bytes));
    expect(snapshot).toMatchObject({
      label: 'weekly_refresh',
      revision: 1,
      version_id: '2027-01-A',
      content_hash: report.contentHash,
    });
    expect(snapshot.tables.demand).toEqual([
      { item_code: '0123', location_code: 'OSAKA', period: '2027-02', quantity: '20', uom: null },
      { item_code: '部品-001', location_code: '東京', period: '2027-01', quantity: '100.5', uom: 'pcs' },
      { item_code: '部品-001', location_code: '東京', period: '2027-02', quantity: '80', uom: 'pcs' },
    ]);
    expect(snapshot.params).toEqual({
      horizon_periods: 2,
      horizon_start: '2027-01',
      period_granularity: 'month',
      planner: '山田',
    });
  });

  it('shows the run with the plan computed from the snapshot', async () => {
    const res = await server.fetch(`/api/runs/${runId}`, { headers: viewer.headers });
    expect(res.status).toBe(200);
    const run = ZRunDetail.parse(await res.json());
    expect(run.sha256).toBe(sha256);
    // Worked by hand in packages/core/src/plan/compute-plan.test.ts.
    expect(run.result!.summary).toMatchObject({
      items: 2,
      totalDemand: '200.5',
      totalProduction: '186.5',
      stockouts: 0,
      peakLoad: '0.060313',
    });
    expect(run.result!.capacityLoad.map((c) => c.load)).toEqual(['0.060313', '0.058693']);
  });

  it('writes the same bytes for every run of the same revision', async () => {
    const again = await startRun({ input_set_label: 'weekly_refresh' });
    expect(again.sha256).toBe(sha256);
    expect(again.id).not.toBe(runId);
  });

  it('keeps the artifact downloadable after the input set is archived', async () => {
    await archiveRevision({
      pool: server.runtime.db.pool,
      ref: 'weekly_refresh',
      comment: 'retired',
      actor: systemActor('admin-test'),
    });
    const res = await server.fetch(`/api/runs/${runId}/artifacts/planning_input_set.json`, {
      headers: viewer.headers,
    });
    expect(res.status).toBe(200);
    expect(sha256Hex(new Uint8Array(await res.arrayBuffer()))).toBe(sha256);
    const detail = ZRunDetail.parse(
      await (await server.fetch(`/api/runs/${runId}`, { headers: viewer.headers })).json(),
    );
    expect(detail.result).not.toBeNull();
  });

  it('warns Missing InputSet once the label is archived, exporting r1 back into the import folder', async () => {
    const run = await startRun({ input_set_label: 'weekly_refresh' });
    expect(run.warnings[0]!.commands.slice(0, 2)).toEqual([
      'pnpm planning export --label weekly_refresh@r1 -o out/planning_inputs_weekly_refresh',
      'pnpm planning import -i out/planning_inputs_weekly_refresh --version-id 2027-01-A --label weekly_refresh',
    ]);
  });

  it('lists runs newest first without their plan results', async () => {
    const res = await server.fetch('/api/runs?limit=2', { headers: viewer.headers });
    const list = ZListRunsResponse.parse(await res.json());
    expect(list.items).toHaveLength(2);
    expect(list.items[0]!.inputSetLabel).toBe('weekly_refresh');
    expect(list.items[0]).not.toHaveProperty('result');
  });

  it('answers 404 for an unknown run and for a run without an artifact', async () => {
    const missing = await server.fetch('/api/runs/00000000-0000-4000-8000-000000000000', {
      headers: viewer.headers,
    });
    expect(missing.status).toBe(404);
    expect(ZProblemDetails.parse(await missing.json()).detail).toBe(
      "Run '00000000-0000-4000-8000-000000000000' not found.",
    );
    expect((await server.fetch('/api/runs/not-a-uuid', { headers: viewer.headers })).status).toBe(404);
    const legacy = await startRun({});
    const res = await server.fetch(`/api/runs/${legacy.id}/artifacts/planning_input_set.json`, {
      headers: viewer.headers,
    });
    expect(res.status).toBe(404);
    expect(ZProblemDetails.parse(await res.json()).hint).toContain('Legacy mode or Missing InputSet');
  });
});

describe('roles', () => {
  it('lets a viewer read runs and artifacts but not start runs or change notes', async () => {
    const run = await startRun({});
    expect((await postJson(server, '/api/runs', viewer.headers, {})).status).toBe(403);
    expect((await server.fetch(`/api/runs/${run.id}`, { headers: viewer.headers })).status).toBe(200);
    expect((await server.fetch('/api/runs', { headers: viewer.headers })).status).toBe(200);
    const note = await server.fetch(`/api/runs/${run.id}/note`, {
      method: 'PUT',
      headers: { ...viewer.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'x' }),
    });
    expect(note.status).toBe(403);
  });

  it('asks anonymous callers to sign in', async () => {
    expect((await server.fetch('/api/runs', { method: 'POST' })).status).toBe(401);
    expect((await server.fetch('/api/runs')).status).toBe(401);
    expect((await server.fetch('/api/plans')).status).toBe(401);
  });

  it('accepts a browser session with its CSRF token, and refuses it without', async () => {
    const browser = await server.createUserWithSession('planner');
    expect((await postJson(server, '/api/runs', browser.headers, {})).status).toBe(201);
    expect((await postJson(server, '/api/runs', { cookie: browser.cookie }, {})).status).toBe(403);
  });
});
