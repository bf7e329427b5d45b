/**
 * A real Prometheus (Debian's `prometheus` package) scraping the test API every second,
 * with the runbook's rules from ops/prometheus/alerts.yml. Own port and temp storage,
 * so it never meets a Prometheus service that the package may have started on :9090.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../support/listen';

export type TPromSample = { metric: Record<string, string>; value: [number, string] };
export type TPromAlert = {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: string;
};
export type TPromRule = {
  name: string;
  query: string;
  health: string;
  lastError?: string;
  type: 'alerting' | 'recording';
};

export type TPrometheus = {
  baseUrl: string;
  /** Instant query: GET /api/v1/query. */
  query: (promql: string) => Promise<TPromSample[]>;
  alerts: () => Promise<TPromAlert[]>;
  rules: () => Promise<TPromRule[]>;
  stop: () => Promise<void>;
};

/** The path of `command` on PATH; missing, an error naming the Debian package that has it. */
export function findCommand(command: string, debianPackage: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error(
      [
        `The \`${command}\` binary is needed for the ops tests and was not found on PATH.`,
        `\`npm test\` installs it when it runs as root; otherwise: sudo apt-get install -y --no-install-recommends ${debianPackage}`,
      ].join('\n'),
    );
  }
  return found.stdout.trim();
}

export function findPrometheus(): string {
  return findCommand('prometheus', 'prometheus');
}

/** Polls `check` until it returns something other than undefined; its errors end the wait at once. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Spawns `binary` (stderr kept), waits until `<baseUrl>/-/ready` answers, and answers how to
 * stop it: SIGTERM, wait for the exit, then `cleanup`. A start that fails is stopped and
 * throws "<title> did not start" with what the process printed.
 */
export async function startUntilReady({
  title,
  binary,
  args,
  baseUrl,
  cleanup,
}: {
  title: string;
  binary: string;
  args: string[];
  baseUrl: string;
  cleanup: () => Promise<void>;
}): Promise<{ stop: () => Promise<void> }> {
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await cleanup();
  };

  try {
    await waitFor(`${title} to be ready`, async () => {
      if (child.exitCode !== null)
        throw new Error(`${path.basename(binary)} exited with ${child.exitCode}:\n${stderr}`);
      const res = await fetch(`${baseUrl}/-/ready`).catch(() => undefined);
      return res?.ok ? true : undefined;
    });
  } catch (error) {
    await stop();
    throw new Error(`${title} did not start:\n${stderr}`, { cause: error });
  }
  return { stop };
}

export async function startPrometheus({
  target,
  ruleFiles,
  alertmanagers = [],
}: {
  target: string;
  ruleFiles: string[];
  /** `host:port` of Alertmanagers that firing alerts are sent to, as ops/prometheus/prometheus.yml does. */
  alertmanagers?: string[];
}): Promise<TPrometheus> {
  const binary = findPrometheus();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-prometheus-'));
  const configFile = path.join(dir, 'prometheus.yml');
  // JSON is YAML: the compose stack's config, with a 1s scrape of the test API.
  const config = {
    global: { scrape_interval: '1s', evaluation_interval: '1s' },
    rule_files: ruleFiles,
    scrape_configs: [{ job_name: 'planning-hub', static_configs: [{ targets: [target] }] }],
    ...(alertmanagers.length > 0 && {
      alerting: { alertmanagers: [{ static_configs: [{ targets: alertmanagers }] }] },
    }),
  };
  await writeFile(configFile, JSON.stringify(config, null, 2));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { stop } = await startUntilReady({
    title: 'Prometheus',
    binary,
    args: [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    baseUrl,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  });

  const api = async <T>(urlPath: string): Promise<T> => {
    const res = await fetch(`${baseUrl}${urlPath}`);
    const body = (await res.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`Prometheus ${urlPath}: ${body.error}`);
    return body.data;
  };

  return {
    baseUrl,
    query: async (promql) =>
      (await api<{ result: TPromSample[] }>(`/api/v1/query?query=${encodeURIComponent(promql)}`)).result,
    alerts: async () => (await api<{ alerts: TPromAlert[] }>('/api/v1/alerts')).alerts,
    rules: async () =>
      (await api<{ groups: { rules: TPromRule[] }[] }>('/api/v1/rules')).groups.flatMap(
        (group) => group.rules,
      ),
    stop,
  };
}
