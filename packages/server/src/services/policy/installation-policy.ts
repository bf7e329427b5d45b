import type pg from 'pg';
import type { TSqlClient } from '../../database/transaction';

export type TInstallationPolicy = { fourEyes: boolean };

/**
 * The installation's policy as the database holds it (planning_hub_policy, row 1).
 * The approve service and the trigger planning_input_sets_ready_needs_approval both
 * read it there, so that it holds for every writer whatever its environment says.
 */
export async function readInstallationPolicy(
  client: Pick<TSqlClient, 'query'>,
): Promise<TInstallationPolicy> {
  const { rows } = await client.query<{ four_eyes: boolean }>(
    'SELECT four_eyes FROM planning_hub_policy WHERE id = 1',
  );
  return { fourEyes: rows[0]?.four_eyes === true };
}

export type TPolicyOutcome =
  | { status: 'applied'; policy: TInstallationPolicy }
  /** The role may not change the policy (the least-privilege app role): the database's stays. */
  | { status: 'kept'; policy: TInstallationPolicy };

/**
 * Writes FOUR_EYES into the database at start-up (docs/design.md, "Four eyes"). A role
 * that may only read the policy keeps the database's value: migrations, run by the
 * owner with the same environment, set it there.
 */
export async function applyInstallationPolicy(
  pool: Pick<pg.ClientBase, 'query'>,
  wanted: TInstallationPolicy,
): Promise<TPolicyOutcome> {
  try {
    await pool.query(
      `INSERT INTO planning_hub_policy (id, four_eyes, updated_at) VALUES (1, $1, now())
       ON CONFLICT (id) DO UPDATE SET four_eyes = EXCLUDED.four_eyes, updated_at = now()
       WHERE planning_hub_policy.four_eyes IS DISTINCT FROM EXCLUDED.four_eyes`,
      [wanted.fourEyes],
    );
    return { status: 'applied', policy: wanted };
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error; // insufficient_privilege
    return { status: 'kept', policy: await readInstallationPolicy(pool) };
  }
}
