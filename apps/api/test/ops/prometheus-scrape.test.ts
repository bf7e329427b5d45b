import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';
import { declaredMetricNames, metricNamesIn } from '@planning-hub/test-support/promql';
import { importReadySet, postJson } from '../runs/run-fixtures';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';
import { startPrometheus, waitFor, type TPrometheus } from './prometheus-server';
import { RUNBOOK_SERIES } from './runbook-series';

const ALERTS_FILE = path.join(findRepoRoot(), 'ops/prometheus/alerts.yml');

let server: TTestServer;
let prometheus: TPrometheus;
let planner: TTokenCaller;
let scratch: string;

beforeAll(async () => {
  // ARTIFACT_DIR is a file, so runs with a ready input set cannot write planning_input_set.json.
  scratch = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-prometheus-artifacts-'));
  const artifactDir = path.join(scratch, 'not-a-folder');
  await writeFile(artifactDir, 'occupied');
  server = await startTestServer({ env: { ARTIFACT_DIR: artifactDir } });
  planner = await server.createUserWithToken('planner');
  prometheus = await startPrometheus({ target: new URL(server.baseUrl).host, ruleFiles: [ALERTS_FILE] });
});
afterAll(async () => {
  await prometheus?.stop();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Waits until Prometheus has scraped `selector` at `value`. */
function waitForValue(selector: string, value: string) {
  return waitFor(`${selector} = ${value} in Prometheus`, async () => {
    const samples = await prometheus.query(selector);
    return samples.length === 1 && samples[0]!.value[1] === value ? samples[0] : undefined;
  });
}

async function firingAlerts() {
  return (await prometheus.alerts()).filter((alert) => alert.state === 'firing');
}

function waitForFiringAlert(alertname: string) {
  return waitFor(`alert ${alertname} to fire`, async () =>
    (await firingAlerts()).find((alert) => alert.labels.alertname === alertname),
  );
}

async function startRuns(count: number, body: Record<string, string>) {
  for (let i = 0; i < count; i += 1) {
    const res = await postJson(server, '/api/runs', planner.headers, body);
    expect(res.status).toBe(201);
  }
}

describe('Prometheus scraping the API with the runbook rules (ops/prometheus)', () => {
  it('scrapes /metrics and finds every runbook series at 0 with the runbook labels', async () => {
    await waitForValue('up{job="planning-hub"}', '1');
    for (const series of RUNBOOK_SERIES) {
      const samples = await prometheus.query(series);
      expect(
        samples.map((sample) => sample.value[1]),
        series,
      ).toEqual(['0']);
    }
  });

  it('loads alerts.yml and evaluates every rule without errors, over metrics the app exports', async () => {
    const rules = await waitFor('every rule to be evaluated', async () => {
      const loaded = await prometheus.rules();
      return loaded.length > 0 && loaded.every((rule) => rule.health !== 'unknown') ? loaded : undefined;
    });
    for (const rule of rules) expect(rule, rule.name).toMatchObject({ health: 'ok' });
    expect(rules.filter((rule) => rule.type === 'alerting').map((rule) => rule.name)).toEqual([
      'PlanningHubLegacyModeRuns',
      'PlanningHubDiffJobFailures',
      'PlanningHubArtifactWriteError',
      'PlanningHubMetricsDown',
    ]);
    const known = declaredMetricNames(await (await server.fetch('/metrics')).text());
    known.add('up');
    for (const rule of rules) {
      for (const name of metricNamesIn(rule.query)) expect(known, `${rule.name}: ${name}`).toContain(name);
    }
    expect(await firingAlerts()).toEqual([]);
  });

  it('counts a run without a label as run_without_input_set_total{entrypoint="/runs"} 1, below the alert', async () => {
    await startRuns(1, {});
    await waitForValue('run_without_input_set_total{entrypoint="/runs"}', '1');
    // A rule evaluation after the scrape: still no alert.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await firingAlerts()).toEqual([]);
  });

  it('fires PlanningHubLegacyModeRuns for #scpln-ops at the 6th Legacy run', async () => {
    await startRuns(5, {});
    await waitForValue('run_without_input_set_total{entrypoint="/runs"}', '6');
    const alert = await waitForFiringAlert('PlanningHubLegacyModeRuns');
    expect(alert.labels).toEqual({
      alertname: 'PlanningHubLegacyModeRuns',
      entrypoint: '/runs',
      severity: 'warning',
      team: 'scpln-ops',
    });
    expect(alert.annotations).toMatchObject({
      summary: 'More than 5 Legacy mode runs in 10 minutes through POST /api/runs',
      summary_ja: 'Legacy モードの Run が 10 分間に 5 件を超えました（POST /api/runs）',
      runbook: expect.stringContaining('Runbook section 5'),
    });
  });

  it('fires PlanningHubArtifactWriteError at the first failed write of planning_input_set.json', async () => {
    await importReadySet(server.runtime.db.pool, 'weekly_refresh');
    await startRuns(1, { input_set_label: 'weekly_refresh' });
    await waitForValue('plan_artifact_write_error_total{artifact="planning_input_set.json"}', '1');
    const alert = await waitForFiringAlert('PlanningHubArtifactWriteError');
    expect(alert.labels).toEqual({
      alertname: 'PlanningHubArtifactWriteError',
      artifact: 'planning_input_set.json',
      severity: 'critical',
      team: 'scpln-ops',
    });
  });

  it('sees request durations under route templates', async () => {
    const samples = await waitFor('POST /api/runs in http_request_duration_seconds', async () => {
      const found = await prometheus.query('http_request_duration_seconds_count{method="POST"}');
      return found.length > 0 ? found : undefined;
    });
    expect(samples.map((sample) => sample.metric.route)).toEqual(['/api/runs']);
  });
});
