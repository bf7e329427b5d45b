import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { cliWorkspace, type TCliWorkspace } from './support/planning';

/**
 * `planning db ...`, the only commands that open the database directly: the bundled CLI
 * runs apps/cli/src/db/db-main.ts of the checkout (here on DATABASE_URL).
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clients: ReturnType<typeof createDatabaseClients>;
let operator: TCliWorkspace;

beforeAll(async () => {
  database = await createTestDatabase();
  clients = createDatabaseClients(database.url, 1);
  operator = await cliWorkspace({
    env: { DATABASE_URL: database.url, FOUR_EYES: 'true', LOG_LEVEL: 'warn' },
  });
});
afterAll(async () => {
  await operator?.cleanup();
  await clients?.close();
  await database?.drop();
});

describe('planning db', () => {
  it('db migrate brings the database up to date and applies the installation policy (FOUR_EYES)', async () => {
    const run = await operator.planning('db', 'migrate');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('installation policy: four_eyes=true (FOUR_EYES)');
    expect(run.stdout).toContain('database is up to date');
    const { rows } = await clients.pool.query('SELECT four_eyes FROM planning_hub_policy WHERE id = 1');
    expect(rows[0].four_eyes).toBe(true);
  });

  it('db create-admin makes the first admin from stdin, and refuses once a person exists', async () => {
    const first = await operator.planningWithStdin(
      'first admin password\n',
      'db',
      'create-admin',
      '--username',
      'root-admin',
      '--employee-id',
      'E1',
      '--password-stdin',
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("created the first admin 'root-admin'");
    const { rows } = await clients.pool.query(
      "SELECT role, employee_id, kind FROM users WHERE username = 'root-admin'",
    );
    expect(rows).toEqual([{ role: 'admin', employee_id: 'E1', kind: 'person' }]);

    const second = await operator.planningWithStdin(
      'second admin password',
      'db',
      'create-admin',
      '--username',
      'other',
      '--password-stdin',
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('the first admin is made only once');
    expect(second.stderr).toContain('planning users create');
  });
});
