import { loadConfig } from '@planning-hub/server/config/env';
import { openDatabase } from '@planning-hub/server/database/connect';
import { applyInstallationPolicy } from '@planning-hub/server/services/policy/installation-policy';

/**
 * Applies pending migrations, then writes FOUR_EYES into the database (planning_hub_policy):
 * run as the owner, this is how a least-privilege app role's installation gets its policy.
 */
export async function migrateDatabase(): Promise<void> {
  const config = loadConfig();
  // As the owner (DATABASE_OWNER_URL, the embedded superuser): the app's own role may neither migrate nor write the policy.
  const database = await openDatabase({ config, log: (m) => console.log(m), connectAs: 'owner' });
  try {
    const outcome = await applyInstallationPolicy(database.pool, { fourEyes: config.fourEyes });
    const fourEyes = `four_eyes=${outcome.policy.fourEyes}`;
    console.log(
      outcome.status === 'applied'
        ? `installation policy: ${fourEyes} (FOUR_EYES)`
        : `installation policy kept: ${fourEyes} (this database role may not change it; run as the owner to apply FOUR_EYES=${config.fourEyes})`,
    );
  } finally {
    await database.close();
  }
  console.log('database is up to date');
}
