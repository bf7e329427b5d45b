import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { ZListPlansResponse, ZPlan, ZRunDetail } from '@planning-hub/contracts/api/runs';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';
import { importReadySet, postJson, readMetric } from './run-fixtures';

let server: TTestServer;
let planner: TTokenCaller;
let viewer: TTokenCaller;

beforeAll(async () => {
  server = await startTestServer();
  planner = await server.createUserWithToken('planner');
  viewer = await server.createUserWithToken('viewer');
  await importReadySet(server.runtime.db.pool, 'weekly_refresh');
});
afterAll(() => server?.close());

async function createPlan(body: unknown) {
  const res = await postJson(server, '/api/plans', planner.headers, body);
  expect(res.status).toBe(201);
  return ZPlan.parse(await res.json());
}

async function runPlan(id: string, body: unknown = {}, headers = planner.headers) {
  return postJson(server, `/api/plans/${id}/runs`, headers, body);
}

describe('plans', () => {
  it('runs a plan with its default label (entrypoint /plans/{id}/runs) and lists it with its runs', async () => {
    const plan = await createPlan({ name: 'S&OP weekly', default_input_set_label: 'weekly_refresh' });
    expect(plan).toMatchObject({
      name: 'S&OP weekly',
      defaultInputSetLabel: 'weekly_refresh',
      recentRuns: [],
    });
    const res = await runPlan(plan.id);
    expect(res.status).toBe(201);
    const run = ZRunDetail.parse(await res.json());
    expect(run).toMatchObject({
      entrypoint: '/plans/{id}/runs',
      planId: plan.id,
      planName: 'S&OP weekly',
      status: 'succeeded',
      inputSetLabel: 'weekly_refresh',
      warnings: [],
    });
    expect(run.sha256).toMatch(/^[0-9a-f]{64}$/);

    const list = ZListPlansResponse.parse(
      await (await server.fetch('/api/plans', { headers: viewer.headers })).json(),
    );
    const listed = list.items.find((p) => p.id === plan.id)!;
    expect(listed.recentRuns.map((r) => r.id)).toEqual([run.id]);
    expect(listed.recentRuns[0]).toMatchObject({ sha256: run.sha256, status: 'succeeded' });
    const one = ZPlan.parse(
      await (await server.fetch(`/api/plans/${plan.id}`, { headers: viewer.headers })).json(),
    );
    expect(one.recentRuns).toHaveLength(1);
  });

  it('lets a run name another label than the plan default', async () => {
    const plan = await createPlan({ name: 'override', default_input_set_label: 'nothing_here' });
    const run = ZRunDetail.parse(
      await (await runPlan(plan.id, { input_set_label: 'weekly_refresh' })).json(),
    );
    expect(run).toMatchObject({ inputSetLabel: 'weekly_refresh', warnings: [] });
  });

  it('warns Legacy mode for a plan without a label and counts entrypoint /plans/{id}/runs', async () => {
    const plan = await createPlan({ name: 'no label' });
    const before = await readMetric(server, 'run_without_input_set_total{entrypoint="/plans/{id}/runs"}');
    const run = ZRunDetail.parse(await (await runPlan(plan.id)).json());
    expect(run.warnings[0]).toMatchObject({ code: 'legacy_mode', title: 'Legacy mode' });
    expect(run.warnings[0]!.commands).toEqual([
      'pnpm planning list --status ready',
      `pnpm planning runs create --plan ${plan.id} --label weekly_refresh`,
      `pnpm planning plans update ${plan.id} --label weekly_refresh`,
      `pnpm planning runs note ${run.id} --text "evidence: <CSV bundle path and sha256>; reason: <why no ready input set could be used>"`,
    ]);
    expect(await readMetric(server, 'run_without_input_set_total{entrypoint="/plans/{id}/runs"}')).toBe(
      before + 1,
    );
    expect(await readMetric(server, 'run_without_input_set_total{entrypoint="/runs"}')).toBe(0);
  });

  it('counts a POST /api/runs naming a plan under entrypoint /runs', async () => {
    const plan = await createPlan({ name: 'via runs' });
    const res = await postJson(server, '/api/runs', planner.headers, { plan_id: plan.id });
    expect(ZRunDetail.parse(await res.json())).toMatchObject({ entrypoint: '/runs', planId: plan.id });
    expect(await readMetric(server, 'run_without_input_set_total{entrypoint="/runs"}')).toBe(1);
  });

  it('re-links a plan to a new ready set (runbook: Missing InputSet fix)', async () => {
    const plan = await createPlan({ name: 'relink', default_input_set_label: 'gone' });
    const missing = ZRunDetail.parse(await (await runPlan(plan.id)).json());
    expect(missing.warnings[0]!.code).toBe('missing_input_set');
    expect(missing.warnings[0]!.commands).toContain(
      `pnpm planning plans update ${plan.id} --label <ready label>`,
    );
    const res = await server.fetch(`/api/plans/${plan.id}`, {
      method: 'PATCH',
      headers: { ...planner.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ default_input_set_label: 'weekly_refresh' }),
    });
    expect(res.status).toBe(200);
    expect(ZPlan.parse(await res.json()).defaultInputSetLabel).toBe('weekly_refresh');
    const fixed = ZRunDetail.parse(await (await runPlan(plan.id)).json());
    expect(fixed.warnings).toEqual([]);
  });

  it('refuses a duplicate name with 409, a reference as default label with 400, an unknown plan with 404', async () => {
    const taken = await postJson(server, '/api/plans', planner.headers, { name: 'S&OP weekly' });
    expect(taken.status).toBe(409);
    expect(ZProblemDetails.parse(await taken.json()).detail).toBe(
      "A plan named 'S&OP weekly' already exists.",
    );
    expect(
      (
        await postJson(server, '/api/plans', planner.headers, {
          name: 'x',
          default_input_set_label: 'weekly_refresh@draft',
        })
      ).status,
    ).toBe(400);
    const unknown = await runPlan('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(ZProblemDetails.parse(await unknown.json()).detail).toBe(
      "Plan '00000000-0000-4000-8000-000000000000' not found.",
    );
    expect((await postJson(server, '/api/runs', planner.headers, { plan_id: 'nope' })).status).toBe(404);
  });

  it('keeps /api/plans/input_sets for the input set routes', async () => {
    const res = await server.fetch('/api/plans/input_sets', { headers: viewer.headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('items');
  });

  it('lets a viewer list plans but not create, change or run them', async () => {
    const plan = await createPlan({ name: 'roles' });
    expect((await server.fetch('/api/plans', { headers: viewer.headers })).status).toBe(200);
    expect((await postJson(server, '/api/plans', viewer.headers, { name: 'viewer plan' })).status).toBe(403);
    expect((await runPlan(plan.id, {}, viewer.headers)).status).toBe(403);
    const patch = await server.fetch(`/api/plans/${plan.id}`, {
      method: 'PATCH',
      headers: { ...viewer.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ default_input_set_label: null }),
    });
    expect(patch.status).toBe(403);
  });
});
