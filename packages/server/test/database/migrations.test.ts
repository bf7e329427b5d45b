import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '../../src/config/repo-root';
import { MANUAL_OBJECTS } from '../../src/database/manual-objects';
import { prismaPaths } from '../../src/database/prisma-paths';
import { diffDatamodels } from '../../src/database/schema-engine';
import { createTestDatabase } from '@planning-hub/test-support/test-database';

const paths = prismaPaths(findRepoRoot());

const CATALOG_QUERIES = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
                   character_maximum_length, numeric_precision, numeric_scale, datetime_precision
              FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
             ORDER BY table_name, column_name`,
  indexes: `SELECT indexname, indexdef FROM pg_indexes
             WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
  constraints: `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def
                  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                   AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`,
  enums: `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`,
  triggers: `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`,
};

async function readCatalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const catalog: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(CATALOG_QUERIES)) catalog[name] = (await client.query(sql)).rows;
    return catalog;
  } finally {
    await client.end();
  }
}

const isManual = (row: unknown) =>
  MANUAL_OBJECTS.some((name) => Object.values(row as Record<string, unknown>).includes(name));

describe('migrations', () => {
  let migrated: Awaited<ReturnType<typeof createTestDatabase>>;
  let fromSchema: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    migrated = await createTestDatabase();
    fromSchema = await createTestDatabase();
    // Rebuild the second database from schema.prisma alone.
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.query(await diffDatamodels(fromSchema.url, paths, null));
    await client.end();
  });

  afterAll(async () => {
    await migrated?.drop();
    await fromSchema?.drop();
  });

  it('leaves the migrated database with no drift from schema.prisma', async () => {
    const actual = await readCatalog(migrated.url);
    const expected = await readCatalog(fromSchema.url);
    for (const key of Object.keys(CATALOG_QUERIES)) {
      expect(
        actual[key]!.filter((row) => !isManual(row)),
        key,
      ).toEqual(expected[key]);
    }
  });

  it('has the hand-written objects that schema.prisma cannot express', async () => {
    const actual = await readCatalog(migrated.url);
    const names = JSON.stringify([actual.indexes, actual.triggers]);
    for (const name of MANUAL_OBJECTS) expect(names).toContain(name);
  });

  it('has a migration for every change of schema.prisma', async () => {
    const snapshot = readFileSync(`${paths.migrationsDir}/schema-at-last-migration.prisma`, 'utf8');
    expect(await diffDatamodels(migrated.url, paths, snapshot)).toBe('');
  });
});
