import { openRuntime } from '@planning-hub/server/runtime';
import { ensureInitialAdmin } from '@planning-hub/server/services/auth/initial-admin';
import { startDiffWorker } from '@planning-hub/server/services/diff/diff-worker';
import { buildApp } from './build-app';

/** Process entry: config, database, listen, graceful shutdown. */
async function main(): Promise<void> {
  const runtime = await openRuntime({ name: 'planning-hub-api' });
  const { config, logger, db } = runtime;
  const admin = await ensureInitialAdmin({
    prisma: db.prisma,
    adminUsername: config.adminUsername,
    adminPassword: config.adminPassword,
  });
  if (admin.created && admin.generatedPassword) {
    // A plain line rather than a log record, so the operator sees it among the JSON logs.
    process.stdout.write(
      `Initial admin user '${admin.username}' created with password: ${admin.generatedPassword} (shown once; set ADMIN_PASSWORD to choose it)\n`,
    );
  } else if (admin.created) {
    logger.info({ username: admin.username }, 'initial admin user created with the password from ADMIN_PASSWORD');
  }
  const app = await buildApp(runtime);
  const diffWorker = await startDiffWorker(runtime);
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
      diffWorker
        .stop()
        .then(() => runtime.close())
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
