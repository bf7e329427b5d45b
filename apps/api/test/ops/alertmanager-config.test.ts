import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';
import { ALERTMANAGER_CONFIG, SECRETS_DIR, findAmtool } from './alertmanager-server';

const ALERTS_FILE = path.join(findRepoRoot(), 'ops/prometheus/alerts.yml');
const amtool = findAmtool();

function runAmtool(args: string[]) {
  const result = spawnSync(amtool, args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout.trim(), output: `${result.stdout}${result.stderr}` };
}

/** `amtool config routes test`: the receiver an alert with these labels goes to. */
function receiverFor(...labels: string[]) {
  const result = runAmtool(['config', 'routes', 'test', `--config.file=${ALERTMANAGER_CONFIG}`, ...labels]);
  expect(result.status, result.output).toBe(0);
  return result.stdout;
}

describe('ops/alertmanager/alertmanager.yml', () => {
  it('passes amtool check-config, templates included', () => {
    const result = runAmtool(['check-config', ALERTMANAGER_CONFIG]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('SUCCESS');
    expect(result.output).toContain('2 receivers');
    expect(result.output).toContain('1 templates');
  });

  it('routes team="planning-alert" (Diff jobs) to the #planning-alert receiver', () => {
    expect(receiverFor('team=planning-alert', 'alertname=PlanningHubDiffJobFailures')).toBe(
      'slack-planning-alert',
    );
  });

  it('routes team="scpln-ops" (Legacy/fallback) to the #scpln-ops receiver', () => {
    expect(receiverFor('team=scpln-ops', 'alertname=PlanningHubLegacyModeRuns')).toBe('slack-scpln-ops');
  });

  it('routes every team label that alerts.yml uses to the receiver of that channel', () => {
    const teams = new Set(
      [...readFileSync(ALERTS_FILE, 'utf8').matchAll(/^\s+team: (\S+)$/gm)].map(([, team]) => team!),
    );
    expect([...teams].sort()).toEqual(['planning-alert', 'scpln-ops']);
    for (const team of teams) expect(receiverFor(`team=${team}`), team).toBe(`slack-${team}`);
  });

  it('loses no alert: one without a team, or with an unknown one, goes to #scpln-ops', () => {
    expect(receiverFor('alertname=SomethingElse')).toBe('slack-scpln-ops');
    expect(receiverFor('team=someone-else')).toBe('slack-scpln-ops');
  });

  it('sends each receiver to its channel, with webhook URLs read from secret files, never from the repo', () => {
    const config = readFileSync(ALERTMANAGER_CONFIG, 'utf8');
    expect(config).not.toMatch(/hooks\.slack\.com|^\s*(slack_)?api_url:/m);
    for (const team of ['planning-alert', 'scpln-ops']) {
      const receiver = config.slice(config.indexOf(`- name: slack-${team}`)).split(/\n {2}- name: /)[0]!;
      expect(receiver, team).toContain(`channel: '#${team}'`);
      expect(receiver, team).toContain(`api_url_file: ${SECRETS_DIR}/slack-${team}-webhook-url`);
    }
  });
});
