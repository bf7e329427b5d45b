import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { createLogger } from '../../src/observability/logger';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-log-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A logger as the server gets it, its stdout replaced by `stdout` (every line kept). */
function createFileLogger(file: string) {
  const stdout: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stdout.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', name: 'planning-hub-api', destination, file }), stdout };
}

const readLines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

describe('LOG_FILE', () => {
  it('writes the same JSON lines as stdout to the file, where the runbook greps input_set_diff_job_failed', async () => {
    const file = path.join(dir, 'same-lines.log');
    const { logger, stdout } = createFileLogger(file);
    logger.info({ port: 8080 }, 'Planning Hub listening');
    logger.error(
      { label: 'weekly_refresh', against: 'weekly_refresh@r1', error: 'boom' },
      'input_set_diff_job_failed',
    );
    logger.debug('below the level: in neither');

    const lines = await readLines(file);
    expect(lines).toEqual(stdout);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({
      msg: 'input_set_diff_job_failed',
      label: 'weekly_refresh',
      level: 50,
    });
  });

  it('appends to an existing file and creates its folder', async () => {
    const existing = path.join(dir, 'existing.log');
    await writeFile(existing, '{"msg":"from the last start"}\n');
    createFileLogger(existing).logger.info('started again');
    expect((await readLines(existing)).map((line) => JSON.parse(line).msg)).toEqual([
      'from the last start',
      'started again',
    ]);

    const nested = path.join(dir, 'var', 'log', 'planning-hub.log');
    createFileLogger(nested).logger.info('first line');
    expect(await readLines(nested)).toHaveLength(1);
  });

  it('redacts secrets in the file as on stdout', async () => {
    const file = path.join(dir, 'redacted.log');
    createFileLogger(file).logger.info(
      { password: 'hunter2-hunter2', req: { headers: { authorization: 'Bearer x' } } },
      'sign-in',
    );
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('Bearer x');
    expect(text).toContain('[redacted]');
  });

  it('is read from the environment, relative to PLANNING_HUB_WORKDIR, and off when unset', () => {
    const workDir = path.join(dir, 'work');
    expect(loadConfig({ PLANNING_HUB_WORKDIR: workDir, LOG_FILE: 'logs/planning-hub.log' }).logFile).toBe(
      path.join(workDir, 'logs/planning-hub.log'),
    );
    expect(loadConfig({ LOG_FILE: '/var/log/planning-hub.log' }).logFile).toBe('/var/log/planning-hub.log');
    expect(loadConfig({ PLANNING_HUB_WORKDIR: workDir }).logFile).toBeUndefined();
    expect(loadConfig({ PLANNING_HUB_WORKDIR: workDir, LOG_FILE: '' }).logFile).toBeUndefined();
  });
});
