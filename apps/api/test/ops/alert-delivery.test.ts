import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';
import { postJson } from '../runs/run-fixtures';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';
import {
  copyConfigForTest,
  startAlertmanager,
  startFakeSlack,
  writeWebhookSecrets,
  type TAlertmanager,
  type TFakeSlack,
} from './alertmanager-server';
import { startPrometheus, waitFor, type TPrometheus } from './prometheus-server';

const ALERTS_FILE = path.join(findRepoRoot(), 'ops/prometheus/alerts.yml');

let server: TTestServer;
let planner: TTokenCaller;
let slack: TFakeSlack;
let alertmanager: TAlertmanager;
let prometheus: TPrometheus;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-alert-delivery-'));
  server = await startTestServer();
  planner = await server.createUserWithToken('planner');
  slack = await startFakeSlack();
  // Each channel's webhook URL has its own path, as each Slack channel has its own URL.
  const secretsDir = path.join(scratch, 'secrets');
  await writeWebhookSecrets(secretsDir, {
    'slack-planning-alert-webhook-url': `${slack.baseUrl}/hooks/planning-alert`,
    'slack-scpln-ops-webhook-url': `${slack.baseUrl}/hooks/scpln-ops`,
  });
  alertmanager = await startAlertmanager({
    configFile: await copyConfigForTest({ dir: scratch, secretsDir }),
  });
  prometheus = await startPrometheus({
    target: new URL(server.baseUrl).host,
    ruleFiles: [ALERTS_FILE],
    alertmanagers: [alertmanager.address],
  });
});
afterAll(async () => {
  await prometheus?.stop();
  await alertmanager?.stop();
  await slack?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** The first Slack message about `alertname` (its title names it), once it has arrived. */
function waitForSlackMessage(alertname: string, timeoutMs = 30_000) {
  return waitFor(
    `a Slack message about ${alertname}`,
    async () => slack.calls.find((call) => call.body.attachments[0]?.title.includes(alertname)),
    timeoutMs,
  );
}

describe('alert delivery: /metrics -> Prometheus (alerts.yml) -> Alertmanager (alertmanager.yml) -> Slack', () => {
  it('tells #scpln-ops when a 6th run in 10 minutes starts without an input set (runbook 5, Legacy mode)', async () => {
    await waitFor('Prometheus to scrape the API', async () =>
      (await prometheus.query('up{job="planning-hub"} == 1')).length === 1 ? true : undefined,
    );
    for (let i = 0; i < 6; i += 1) {
      const res = await postJson(server, '/api/runs', planner.headers, {});
      expect(res.status).toBe(201);
    }

    const call = await waitForSlackMessage('PlanningHubLegacyModeRuns', 45_000);
    expect(call.path).toBe('/hooks/scpln-ops');
    expect(call.body.channel).toBe('#scpln-ops');
    const [attachment] = call.body.attachments;
    expect(attachment!.title).toBe('[FIRING:1] PlanningHubLegacyModeRuns (warning)');
    expect(attachment!.color).toBe('warning');
    expect(attachment!.text).toContain('*More than 5 Legacy mode runs in 10 minutes through POST /api/runs*');
    expect(attachment!.text).toContain('Legacy モードの Run が 10 分間に 5 件を超えました（POST /api/runs）');
    // The count is increase()'s: a series 2 s old extrapolates, so only its shape is checked here.
    expect(attachment!.text).toMatch(
      /\n\d+ plan runs were started through POST \/api\/runs without an input_set_label/,
    );
    expect(attachment!.text).toContain('*Runbook:* Runbook section 5 (Plan/Run 警告への対応)');
    expect(attachment!.text).toContain('`entrypoint=/runs`');
    expect(slack.calls.filter((other) => other.path !== '/hooks/scpln-ops')).toEqual([]);
  });

  it('tells #planning-alert about diff job failures (runbook 6), through its own webhook URL', async () => {
    // alerts.test.yml proves when this alert fires; here, where Alertmanager sends it.
    await alertmanager.postAlerts([
      {
        labels: { alertname: 'PlanningHubDiffJobFailures', severity: 'warning', team: 'planning-alert' },
        annotations: {
          summary: '3 or more input set diff jobs failed in 5 minutes',
          summary_ja: '5 分間に入力セットの Diff ジョブが 3 件以上失敗しました',
          runbook: 'Runbook section 6 (Diffジョブ監視と復旧); README.md, section Operations',
        },
      },
    ]);
    const call = await waitForSlackMessage('PlanningHubDiffJobFailures');
    expect(call.path).toBe('/hooks/planning-alert');
    expect(call.body.channel).toBe('#planning-alert');
    expect(call.body.attachments[0]!.text).toContain('*3 or more input set diff jobs failed in 5 minutes*');
    expect(call.body.attachments[0]!.text).toContain('*Runbook:* Runbook section 6');
  });

  it('still tells #scpln-ops about an alert without a team label', async () => {
    await alertmanager.postAlerts([
      {
        labels: { alertname: 'PlanningHubUnroutedExample', severity: 'critical' },
        annotations: { summary: 'No team' },
      },
    ]);
    const call = await waitForSlackMessage('PlanningHubUnroutedExample');
    expect(call.path).toBe('/hooks/scpln-ops');
    expect(call.body.channel).toBe('#scpln-ops');
    expect(call.body.attachments[0]!.color).toBe('danger');
  });
});
