import path from 'node:path';
import type express from 'express';
import type { TRuntime } from '@planning-hub/server/runtime';
import { applyInstallationPolicy } from '@planning-hub/server/services/policy/installation-policy';
import { createApp } from './app';
import { createListPainter } from './features/input-sets/list-painter';
import { authenticate } from './http/authenticate';
import { buildApiRouters } from './routers';

/**
 * The whole API wired to one runtime; the server and the integration tests both start this.
 * `localOperatorSecret`: this start's secret in server.json, which authenticates the local operator.
 */
export async function buildApp(
  runtime: TRuntime,
  { localOperatorSecret }: { localOperatorSecret?: string } = {},
): Promise<express.Express> {
  const { config, logger, db, metrics } = runtime;
  // Written as the owner (DATABASE_OWNER_URL, the embedded superuser): the app's own role may only read it.
  const policy = await db.withOwner((owner) => applyInstallationPolicy(owner, { fourEyes: config.fourEyes }));
  if (policy.status === 'kept' && policy.policy.fourEyes !== config.fourEyes) {
    logger.warn(
      { fourEyes: policy.policy.fourEyes },
      `FOUR_EYES=${config.fourEyes} is not applied: this database role may not change the policy, which stays four_eyes=${policy.policy.fourEyes}. Run pnpm db:migrate as the owner with FOUR_EYES=${config.fourEyes}.`,
    );
  }
  return createApp({
    logger,
    metrics,
    version: process.env.npm_package_version ?? '0.1.0',
    checkDatabase: async () => {
      await db.pool.query('SELECT 1');
      return true;
    },
    authenticate: authenticate({ prisma: db.prisma, pool: db.pool, config, localOperatorSecret }),
    apiRouters: await buildApiRouters(runtime),
    spaDistDir: path.join(config.home, 'apps', 'web', 'dist'),
    listPainter: await createListPainter({ db, home: config.home, logger }),
    trustProxy: config.trustProxy,
  });
}
