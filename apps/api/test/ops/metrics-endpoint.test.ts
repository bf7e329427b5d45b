import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';
import { RUNBOOK_SERIES } from './runbook-series';

let server: TTestServer;
let viewer: TTokenCaller;

beforeAll(async () => {
  server = await startTestServer();
  viewer = await server.createUserWithToken('viewer');
});
afterAll(() => server?.close());

const readMetrics = async () => (await server.fetch('/metrics')).text();

describe('GET /metrics', () => {
  it('exports every metric the runbook names from start-up, with the runbook labels, at 0', async () => {
    const text = await readMetrics();
    const samples = text.split('\n').filter((line) => !line.startsWith('#'));
    for (const series of RUNBOOK_SERIES) expect(samples, series).toContain(`${series} 0`);
    for (const counter of new Set(RUNBOOK_SERIES.map((series) => series.replace(/\{.*$/, '')))) {
      expect(text, counter).toContain(`# TYPE ${counter} counter`);
    }
  });

  it('observes requests under their route template, never the raw path', async () => {
    const runId = randomUUID();
    for (const rawPath of [
      '/api/plans/input_sets/weekly_refresh@draft',
      '/api/plans/input_sets/weekly_refresh@r2/tables/demand',
      '/api/plans/input_sets/weekly_refresh/events?limit=100',
      `/api/runs/${runId}`,
      '/api/no_such_endpoint/weekly_refresh',
      '/ui/plans/input_sets/weekly_refresh',
    ]) {
      await server.fetch(rawPath, { headers: viewer.headers });
    }

    const routes = new Set(
      [
        ...(await readMetrics()).matchAll(
          /^http_request_duration_seconds_count\{.*?route="([^"]*)".*\} \d+$/gm,
        ),
      ].map(([, route]) => route!),
    );
    for (const template of [
      '/api/plans/input_sets/:ref',
      '/api/plans/input_sets/:ref/tables/:table',
      '/api/plans/input_sets/:label/events',
      '/api/runs/:id',
      'unmatched',
    ]) {
      expect([...routes], template).toContain(template);
    }
    for (const route of routes)
      expect(route).not.toMatch(new RegExp(`weekly_refresh|${runId}|no_such_endpoint`));
  });
});
