import path from 'node:path';
import type express from 'express';
import type { TRuntime } from '@planning-hub/server/runtime';
import { createApp } from './app';
import { authenticate } from './http/authenticate';
import { buildApiRouters } from './routers';

/** The whole API wired to one runtime; the server and the integration tests both start this. */
export async function buildApp(runtime: TRuntime): Promise<express.Express> {
  const { config, logger, db, metrics } = runtime;
  return createApp({
    logger,
    metrics,
    version: process.env.npm_package_version ?? '0.1.0',
    checkDatabase: async () => {
      await db.pool.query('SELECT 1');
      return true;
    },
    authenticate: authenticate({ prisma: db.prisma, config }),
    apiRouters: await buildApiRouters(runtime),
    spaDistDir: path.join(config.home, 'apps', 'web', 'dist'),
  });
}
