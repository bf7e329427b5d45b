import pg from 'pg';
import type { TRoleCredentials } from './embedded-postgres';

/** The application's role, made by migration 20261125081000_app_role_and_four_eyes. */
export const APP_ROLE = 'planning_hub_app';

/**
 * Objects of the pg-boss schema that a superuser made (an install whose server connected
 * as the superuser) go to planning_hub_app: pg-boss migrates its schema and attaches a
 * partition per new queue at start, which only an owner may, as the app's login role.
 */
const HAND_PGBOSS_TO_APP = `
DO $$
DECLARE
  item record;
BEGIN
  FOR item IN
    SELECT format('ALTER %s pgboss.%I OWNER TO planning_hub_app', CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, c.relname) AS command
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles r ON r.oid = c.relowner
     WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'S') AND r.rolsuper
    UNION ALL
    SELECT format('ALTER FUNCTION %s OWNER TO planning_hub_app', p.oid::regprocedure)
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_roles r ON r.oid = p.proowner
     WHERE n.nspname = 'pgboss' AND r.rolsuper
    UNION ALL
    SELECT format('ALTER TYPE pgboss.%I OWNER TO planning_hub_app', t.typname)
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_roles r ON r.oid = t.typowner
     WHERE n.nspname = 'pgboss' AND t.typtype = 'e' AND r.rolsuper
  LOOP
    EXECUTE item.command;
  END LOOP;
END
$$`;

/**
 * Creates (or updates) the login role the server of the embedded database connects as:
 * LOGIN with its password, a member of planning_hub_app, and nothing more (no superuser,
 * no CREATEROLE, CREATEDB or BYPASSRLS). Idempotent; run by the owner after the migrations.
 */
export async function ensureAppLoginRole(ownerUrl: string, role: TRoleCredentials): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount: hasAppRole } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      APP_ROLE,
    ]);
    if (!hasAppRole)
      throw new Error(`The role ${APP_ROLE} does not exist yet: run the migrations first (pnpm db:migrate).`);
    const name = pg.escapeIdentifier(role.user);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${pg.escapeLiteral(role.password)}`;
    try {
      await client.query(`CREATE ROLE ${name} ${attributes} IN ROLE ${APP_ROLE}`);
    } catch (error) {
      // It exists (an earlier start, or a process starting beside this one): bring it to what it must be.
      if ((error as { code?: string }).code !== '42710') throw error;
      await client.query(`ALTER ROLE ${name} ${attributes}`);
      await client.query(`GRANT ${APP_ROLE} TO ${name}`);
    }
    // The migration grants this on the database it ran in; a database made otherwise needs it for pg-boss.
    await client.query(
      `GRANT CREATE ON DATABASE ${pg.escapeIdentifier(await currentDatabase(client))} TO ${APP_ROLE}`,
    );
    await client.query(HAND_PGBOSS_TO_APP);
  } finally {
    await client.end();
  }
}

async function currentDatabase(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
  return rows[0]!.name;
}
