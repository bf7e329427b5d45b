/**
 * A real Alertmanager (Debian's `prometheus-alertmanager` package) running a copy of
 * ops/alertmanager/alertmanager.yml that differs only in file paths and timings, and a local
 * HTTP server standing in for Slack's incoming webhooks. Own ports and temp storage, no cluster.
 */
import { once } from 'node:events';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';
import { findFreePort } from '../support/listen';
import { findCommand, startUntilReady } from './prometheus-server';

export const ALERTMANAGER_DIR = path.join(findRepoRoot(), 'ops/alertmanager');
export const ALERTMANAGER_CONFIG = path.join(ALERTMANAGER_DIR, 'alertmanager.yml');

/** Where the config under test reads each channel's webhook URL (mounted from ./secrets/ by compose). */
export const SECRETS_DIR = '/run/secrets';

export function findAmtool(): string {
  return findCommand('amtool', 'prometheus-alertmanager');
}

/** What Alertmanager posts to a Slack incoming webhook (the fields this config sets). */
export type TSlackMessage = {
  channel: string;
  attachments: { title: string; text: string; color: string; fallback: string }[];
};
/** One POST to the fake Slack: `path` tells which webhook URL (which secret file) was used. */
export type TWebhookCall = { path: string; body: TSlackMessage };

export type TFakeSlack = {
  /** `http://127.0.0.1:<port>`: a webhook URL is this plus a path of the test's choosing. */
  baseUrl: string;
  calls: TWebhookCall[];
  close: () => Promise<void>;
};

/** Accepts every POST like Slack does (200 "ok") and keeps what it got. */
export async function startFakeSlack(): Promise<TFakeSlack> {
  const calls: TWebhookCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      calls.push({
        path: req.url ?? '',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as TSlackMessage,
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type TAlertmanager = {
  /** `127.0.0.1:<port>`, for Prometheus's alerting block. */
  address: string;
  baseUrl: string;
  /** POST /api/v2/alerts, as Prometheus sends them. */
  postAlerts: (
    alerts: { labels: Record<string, string>; annotations?: Record<string, string> }[],
  ) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The config under test with only these changes: secret files read from `secretsDir`, and
 * the grouping delays shortened so that a test sees a notification within seconds.
 */
export async function copyConfigForTest({
  dir,
  secretsDir,
}: {
  dir: string;
  secretsDir: string;
}): Promise<string> {
  const replacements: [string, string][] = [
    [`${SECRETS_DIR}/`, `${secretsDir}/`],
    ['group_wait: 30s', 'group_wait: 1s'],
    ['group_interval: 5m', 'group_interval: 1s'],
  ];
  let config = await readFile(ALERTMANAGER_CONFIG, 'utf8');
  for (const [from, to] of replacements) {
    if (!config.includes(from))
      throw new Error(`${ALERTMANAGER_CONFIG} no longer contains '${from}': update this copy`);
    config = config.replaceAll(from, to);
  }
  const configFile = path.join(dir, 'alertmanager.yml');
  await writeFile(configFile, config);
  // Templates are named relative to the config file.
  await copyFile(path.join(ALERTMANAGER_DIR, 'slack.tmpl'), path.join(dir, 'slack.tmpl'));
  return configFile;
}

/** Writes one webhook URL per secret file the config names, e.g. slack-scpln-ops-webhook-url. */
export async function writeWebhookSecrets(secretsDir: string, urls: Record<string, string>): Promise<void> {
  await mkdir(secretsDir, { recursive: true });
  for (const [file, url] of Object.entries(urls)) await writeFile(path.join(secretsDir, file), `${url}\n`);
}

export async function startAlertmanager({ configFile }: { configFile: string }): Promise<TAlertmanager> {
  const binary = findCommand('prometheus-alertmanager', 'prometheus-alertmanager');
  const storage = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-alertmanager-'));
  const port = await findFreePort();
  const address = `127.0.0.1:${port}`;
  const baseUrl = `http://${address}`;
  const { stop } = await startUntilReady({
    title: 'Alertmanager',
    binary,
    args: [
      `--config.file=${configFile}`,
      `--storage.path=${storage}`,
      `--web.listen-address=${address}`,
      // No gossip with other Alertmanagers (nor a port of its own for it).
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    baseUrl,
    cleanup: () => rm(storage, { recursive: true, force: true }),
  });

  return {
    address,
    baseUrl,
    postAlerts: async (alerts) => {
      const res = await fetch(`${baseUrl}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!res.ok) throw new Error(`Alertmanager POST /api/v2/alerts: ${res.status} ${await res.text()}`);
    },
    stop,
  };
}
