import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';
import { ensureDatabase } from '@planning-hub/server/database/connect';
import { startEmbeddedPostgres } from '@planning-hub/server/database/embedded-postgres';
import { prismaPaths } from '@planning-hub/server/database/prisma-paths';
import { applyMigrations } from '@planning-hub/server/database/schema-engine';
import pg from 'pg';

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
  // A throwaway cluster on 127.0.0.1 whose databases live for one run: its fixed superuser
  // password stays, so that runs sharing it (other checkouts, engineers) keep connecting.
  const server = await startEmbeddedPostgres({
    dataDir: path.join(home, '.data', `test-postgres-${port}`),
    port,
    superuser: { user: 'planning_hub', password: 'planning_hub' },
  });
  const adminUrl = server.urlFor('postgres');
  // One template per run, so that runs sharing the server never rebuild each other's.
  const template = `planning_hub_template_${process.pid}`;
  await ensureDatabase(adminUrl, template);
  await applyMigrations(server.urlFor(template), prismaPaths(home));
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  return async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await server.stop();
  };
}
