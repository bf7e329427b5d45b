import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

/** A fresh database copied from the migrated template; dropped by the returned function. */
export async function createTestDatabase(): Promise<{
  url: string;
  name: string;
  drop: () => Promise<void>;
}> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('templateDatabase');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export type TTestPool = { database: Awaited<ReturnType<typeof createTestDatabase>>; pool: pg.Pool };

/**
 * A fresh database and a pool on it for the tests of one file: created before
 * they run, dropped after. Read `database` and `pool` inside the tests.
 */
export function useTestPool(max = 2): TTestPool {
  const state = {} as TTestPool;
  beforeAll(async () => {
    state.database = await createTestDatabase();
    state.pool = new pg.Pool({ connectionString: state.database.url, max });
  });
  afterAll(async () => {
    await state.pool?.end();
    await state.database?.drop();
  });
  return state;
}
