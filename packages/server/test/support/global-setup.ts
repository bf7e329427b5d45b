import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findRepoRoot } from '../../src/config/repo-root';
import { ensureDatabase } from '../../src/database/connect';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { prismaPaths } from '../../src/database/prisma-paths';
import { applyMigrations } from '../../src/database/schema-engine';
import pg from 'pg';

export const TEMPLATE_DATABASE = 'planning_hub_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDatabase: string;
  }
}

/** Starts the test PostgreSQL and migrates a template database once for the whole run. */
export default async function setup(project: TestProject) {
  const home = findRepoRoot();
  const port = Number(process.env.TEST_PG_PORT ?? 54340);
  const server = await startEmbeddedPostgres({ dataDir: path.join(home, '.data', 'test-postgres'), port });
  const adminUrl = server.urlFor('postgres');
  // A template must have no connections while it is copied: rebuild it from scratch.
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(adminUrl, TEMPLATE_DATABASE);
  await applyMigrations(server.urlFor(TEMPLATE_DATABASE), prismaPaths(home));
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  return async () => {
    await server.stop();
  };
}
