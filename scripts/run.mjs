#!/usr/bin/env node
// The README's two commands land here: `npm start` and `npm test` work on a
// fresh machine with only Node 20 and npm. This script installs the workspace
// with pnpm (fetched through npx when it is not installed), then runs the step.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.8';

function run(command, args, { env = {}, allowFailure = false } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  if (result.status !== 0 && !allowFailure) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  return result.status ?? 1;
}

/**
 * Runs independent checks side by side (each is one single-threaded process, and the test
 * machine has two cores); each one's output is printed whole when it ends, so that the
 * lines of two checks never interleave. Any failure fails the step, after all have ended.
 */
async function runTogether(checks) {
  const results = await Promise.all(
    checks.map(
      ({ title, command, args }) =>
        new Promise((resolve) => {
          const started = Date.now();
          const child = spawn(command, args, { cwd: root, env: process.env });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          child.on('error', (error) => {
            process.stdout.write(`\n> ${title}: ${error.message}\n`);
            resolve({ title, status: 1 });
          });
          child.on('close', (status, signal) => {
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            const text = Buffer.concat(output);
            process.stdout.write(`\n> ${title} (${seconds} s)\n`);
            process.stdout.write(text);
            resolve({ title, status: status ?? (signal ? 1 : 0) });
          });
        }),
    ),
  );
  const failed = results.filter((result) => result.status !== 0);
  for (const { title, status } of failed) console.error(`\n✗ ${title} failed (exit ${status})`);
  if (failed.length > 0) process.exit(failed[0].status || 1);
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * The server, in the foreground until it ends, with this process ending as it does. A
 * SIGINT or SIGTERM sent to this process alone goes on to the server, which shuts down
 * gracefully: `kill <pid of npm start>` (npm passes it on, and `exec` in package.json's
 * start script makes this process the one it reaches) no longer leaves a server behind,
 * holding its port and the embedded database. A Ctrl-C in a terminal reaches both; the
 * server acts on the first signal only.
 */
function serve(command, args, { env = {} } = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`\n✗ ${command} ${args.join(' ')} could not start: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function pnpm(args, options) {
  if (hasCommand('pnpm')) return run('pnpm', args, options);
  return run('npx', ['-y', `pnpm@${PNPM_VERSION}`, ...args], options);
}

/** `pnpm <args>` for runTogether, through npx when pnpm is not installed. */
function pnpmCommand(title, args) {
  if (hasCommand('pnpm')) return { title, command: 'pnpm', args };
  return { title, command: 'npx', args: ['-y', `pnpm@${PNPM_VERSION}`, ...args] };
}

function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.modules.yaml');
  const lock = path.join(root, 'pnpm-lock.yaml');
  const generated = path.join(root, 'packages', 'server', 'src', 'generated', 'prisma', 'client.ts');
  const fresh =
    existsSync(marker) && existsSync(generated) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (!fresh) pnpm(['install', '--frozen-lockfile']);
}

function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Debian's Chromium drives the browser tests; install it when we are root and it is missing. */
function ensureChromium() {
  if (findChromium()) return;
  if (process.getuid?.() === 0 && hasCommand('apt-get')) {
    console.log('Installing Chromium and CJK fonts for the browser tests (apt-get)...');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
    return;
  }
  console.error('Chromium is needed for the browser tests: sudo apt-get install -y chromium fonts-noto-cjk');
  console.error('(or set CHROMIUM_PATH to a Chromium/Chrome binary).');
  process.exit(1);
}

/**
 * promtool unit-tests the alert rules; the ops tests start a real Prometheus and Alertmanager and
 * run amtool: Debian's `prometheus` and `prometheus-alertmanager`.
 */
function ensurePrometheus() {
  if (['promtool', 'prometheus', 'amtool', 'prometheus-alertmanager'].every(hasCommand)) return;
  if (process.getuid?.() === 0 && hasCommand('apt-get')) {
    console.log('Installing Prometheus and Alertmanager for the alert tests (apt-get)...');
    run('apt-get', ['update', '-qq']);
    // Where systemd runs, the package starts a Prometheus on :9090; the tests use ports of their own.
    run(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', 'prometheus', 'prometheus-alertmanager'],
      {
        env: { DEBIAN_FRONTEND: 'noninteractive' },
      },
    );
    return;
  }
  console.error('Prometheus and Alertmanager are needed for the alert tests:');
  console.error('sudo apt-get install -y --no-install-recommends prometheus prometheus-alertmanager');
  process.exit(1);
}

/** Errors that mean the registry's audit service could not be asked, not that a package is vulnerable. */
const AUDIT_UNREACHABLE =
  /ERR_PNPM_AUDIT_BAD_RESPONSE|ERR_PNPM_AUDIT_ENDPOINT|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN/;

/**
 * `pnpm audit --prod --audit-level high`: high or critical advisories in production
 * dependencies fail the tests. Where the registry's audit endpoints cannot be reached
 * (some registry proxies answer 405), the check is reported as skipped, unless
 * AUDIT=required makes that a failure too.
 */
function auditProductionDependencies() {
  const args = ['audit', '--prod', '--audit-level', 'high'];
  const command = hasCommand('pnpm') ? ['pnpm', args] : ['npx', ['-y', `pnpm@${PNPM_VERSION}`, ...args]];
  const result = spawnSync(command[0], command[1], { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status === 0) {
    console.log('pnpm audit --prod: no high or critical advisories.');
    return;
  }
  if (AUDIT_UNREACHABLE.test(output) && process.env.AUDIT !== 'required') {
    console.warn('⚠ pnpm audit --prod SKIPPED: the registry audit endpoint could not be reached:');
    console.warn(`  ${output.trim().split('\n')[0]}`);
    console.warn(
      '  Run `pnpm audit --prod --audit-level high` where registry.npmjs.org is reachable (AUDIT=required fails here).',
    );
    return;
  }
  console.error(output);
  console.error('\n✗ pnpm audit --prod --audit-level high found high or critical advisories (see above).');
  process.exit(result.status ?? 1);
}

const step = process.argv[2];
switch (step) {
  case 'start':
    ensureInstalled();
    pnpm(['--filter', '@planning-hub/web', 'build']);
    // The planning CLI (bin/planning) of this checkout: built when missing or older than its sources.
    run('node', ['scripts/build-cli.mjs', '--if-stale']);
    // An explicit heap limit: a hostile upload gets its 413/422, never the machine's memory (docs/reliability.md).
    serve('node', ['--max-old-space-size=2048', '--import', 'tsx', 'apps/api/src/server.ts'], {
      env: { NODE_ENV: 'production' },
    });
    break;
  case 'dev':
    ensureInstalled();
    pnpm(['--parallel', '--filter', '@planning-hub/web', '--filter', '@planning-hub/api', 'dev']);
    break;
  case 'test': {
    ensureInstalled();
    ensureChromium();
    ensurePrometheus();
    // eslint, prettier and the two programs of `pnpm typecheck` side by side: each is one
    // single-threaded process, so on two cores they end in about half the time one after another.
    // One formatting for everyone (.prettierrc.json): `pnpm format` writes it.
    await runTogether([
      pnpmCommand('eslint .', ['lint']),
      pnpmCommand('prettier --check .', ['exec', 'prettier', '--check', '.', '--log-level', 'warn']),
      pnpmCommand('tsc -p tsconfig.json', ['exec', 'tsc', '-p', 'tsconfig.json']),
      pnpmCommand('tsc -p apps/web/tsconfig.json', ['exec', 'tsc', '-p', 'apps/web/tsconfig.json']),
    ]);
    auditProductionDependencies();
    // The runbook's alerts (ops/prometheus): rules and config valid, then their unit tests.
    run('promtool', ['check', 'rules', 'ops/prometheus/alerts.yml']);
    run('promtool', ['check', 'config', 'ops/prometheus/prometheus.yml']);
    run('promtool', ['test', 'rules', 'ops/prometheus/alerts.test.yml']);
    // The CLI tests (and e2e's seeding) run the bundled CLI, bin/planning.
    run('node', ['scripts/build-cli.mjs', '--if-stale']);
    pnpm(['exec', 'vitest', 'run']);
    pnpm(['--filter', '@planning-hub/web', 'build']);
    // The browser tests start the product on their own port and embedded database.
    rmSync(path.join(root, '.data', 'e2e'), { recursive: true, force: true });
    rmSync(path.join(root, 'tmp', 'e2e'), { recursive: true, force: true });
    pnpm(['exec', 'playwright', 'test'], { env: { CHROMIUM_PATH: findChromium() } });
    break;
  }
  case 'audit':
    ensureInstalled();
    auditProductionDependencies();
    break;
  default:
    console.error('usage: node scripts/run.mjs start|dev|test|audit');
    process.exit(2);
}
