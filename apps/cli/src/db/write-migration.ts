import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@planning-hub/server/config/env';
import { openDatabase } from '@planning-hub/server/database/connect';
import { prismaPaths } from '@planning-hub/server/database/prisma-paths';
import { diffDatamodels } from '@planning-hub/server/database/schema-engine';

const SNAPSHOT = 'schema-at-last-migration.prisma';

/** prisma/migrations/<timestamp>_<name>/migration.sql for what changed in schema.prisma since the last migration. */
export async function writeMigration(name: string): Promise<void> {
  if (!/^[a-z0-9_]{1,60}$/.test(name)) throw new Error('The name is 1-60 characters of a-z, 0-9 and _.');
  const config = loadConfig();
  const paths = prismaPaths(config.home);
  const snapshotPath = path.join(paths.migrationsDir, SNAPSHOT);
  const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, 'utf8') : null;
  const database = await openDatabase({ config, log: () => {}, migrate: false, connectAs: 'owner' });
  try {
    const sql = await diffDatamodels(database.url, paths, previous);
    if (!sql) {
      console.log('schema.prisma has no changes since the last migration');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(paths.migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), sql);
    writeFileSync(snapshotPath, readFileSync(paths.schemaPath, 'utf8'));
    console.log(
      `wrote ${path.relative(config.home, dir)}/migration.sql (add hand-written SQL there if needed)`,
    );
  } finally {
    await database.close();
  }
}
