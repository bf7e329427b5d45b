import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../../src/config/repo-root';
import { createMetrics } from '../../src/observability/metrics';
import { declaredMetricNames, metricNamesIn } from '@planning-hub/test-support/promql';

type TTarget = { expr: string; refId: string; datasource?: { uid: string } };
type TPanel = {
  id: number;
  title: string;
  type: string;
  targets?: TTarget[];
  gridPos: Record<string, number>;
};
type TDashboard = {
  uid: string;
  title: string;
  panels: TPanel[];
  annotations: { list: { name: string; expr?: string }[] };
};

const root = findRepoRoot();
const dashboard = JSON.parse(
  readFileSync(path.join(root, 'ops/grafana/dashboards/planning-inputs.json'), 'utf8'),
) as TDashboard;
const exported = declaredMetricNames(await createMetrics().registry.metrics());
const panelExprs = dashboard.panels.flatMap((panel) =>
  (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
);

describe('metricNamesIn', () => {
  it('finds the selected metrics and skips functions, labels, durations and Grafana variables', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{route!~"static|/metrics"}[$__rate_interval])))',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(
      metricNamesIn('sum(rate(a_total[5m])) / (sum without (instance) (b_total offset 1h) > 0) or vector(0)'),
    ).toEqual(['a_total', 'b_total']);
  });
});

describe('the Planning Inputs dashboard (ops/grafana/dashboards/planning-inputs.json)', () => {
  it('is the provisioned "Planning Inputs" dashboard with the runbook panels', () => {
    expect(dashboard).toMatchObject({ uid: 'planning-inputs', title: 'Planning Inputs' });
    const selected = new Set(panelExprs.flatMap(({ expr }) => metricNamesIn(expr)));
    for (const name of [
      'input_set_imports_total',
      'input_set_reviews_total',
      'input_set_diff_jobs_total',
      'input_set_diff_cache_hits_total',
      'input_set_diff_cache_stale_total',
      'run_without_input_set_total',
      'plan_artifact_write_error_total',
      'http_request_duration_seconds_bucket',
      'process_resident_memory_bytes',
    ]) {
      expect(selected, name).toContain(name);
    }
  });

  it('names only metrics that the app exports, in every panel query', () => {
    expect(panelExprs.length).toBeGreaterThanOrEqual(8);
    for (const { panel, expr } of panelExprs) {
      const names = metricNamesIn(expr);
      expect(names, `${panel}: ${expr}`).not.toEqual([]);
      for (const name of names) expect(exported, `${panel}: ${name}`).toContain(name);
    }
  });

  it('queries the provisioned Prometheus datasource and has unique panel ids and refIds', () => {
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      const refIds = (panel.targets ?? []).map((target) => target.refId);
      expect(new Set(refIds).size, panel.title).toBe(refIds.length);
      for (const target of panel.targets ?? [])
        expect(target.datasource?.uid, panel.title).toBe('prometheus');
    }
  });

  it('marks the firing runbook alerts (ALERTS is the series Prometheus writes for them)', () => {
    for (const annotation of dashboard.annotations.list) {
      for (const name of metricNamesIn(annotation.expr ?? '')) expect(['ALERTS']).toContain(name);
    }
  });
});

describe('the Grafana provisioning (ops/grafana/provisioning)', () => {
  it('declares the datasource uid the dashboard uses and loads the folder the compose file mounts', () => {
    const datasource = readFileSync(
      path.join(root, 'ops/grafana/provisioning/datasources/prometheus.yml'),
      'utf8',
    );
    expect(datasource).toMatch(/^\s+uid: prometheus$/m);
    expect(datasource).toMatch(/^\s+url: http:\/\/prometheus:9090$/m);
    const dashboards = readFileSync(
      path.join(root, 'ops/grafana/provisioning/dashboards/dashboards.yml'),
      'utf8',
    );
    const folder = /^\s+path: (\S+)$/m.exec(dashboards)?.[1];
    const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain(`./ops/grafana/dashboards:${folder}:ro`);
  });
});
