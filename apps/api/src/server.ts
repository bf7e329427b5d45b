import path from 'node:path';
import { openRuntime } from '@planning-hub/server/runtime';
import { createApp } from './app';
import { buildApiRouters } from './routers';

/** Process entry: config, database, listen, graceful shutdown. */
async function main(): Promise<void> {
  const runtime = await openRuntime({ name: 'planning-hub-api' });
  const { config, logger, db, metrics } = runtime;
  const app = createApp({
    logger,
    metrics,
    version: process.env.npm_package_version ?? '0.1.0',
    checkDatabase: async () => {
      await db.pool.query('SELECT 1');
      return true;
    },
    apiRouters: await buildApiRouters(runtime),
    spaDistDir: path.join(config.home, 'apps', 'web', 'dist'),
  });
  const server = app.listen(config.port, config.host, () => {
    logger.info({ port: config.port }, `Planning Hub listening on http://localhost:${config.port}/ui/plans/input_sets`);
  });
  server.requestTimeout = 0; // large uploads stream for minutes
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      runtime
        .close()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        });
    });
    server.closeAllConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
