import type { AddressInfo } from 'node:net';
import { openRuntime } from '@planning-hub/server/runtime';
import { ensureInitialAdmin } from '@planning-hub/server/services/auth/initial-admin';
import {
  createLocalOperatorSecret,
  removeLocalServerFile,
  writeLocalServerFile,
} from '@planning-hub/server/services/auth/local-operator';
import { startDiffWorker } from '@planning-hub/server/services/diff/diff-worker';
import { buildApp } from './build-app';
import { createHttpServer } from './http/request-timeout';

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
  // The CLI of this checkout finds the server and acts as the local operator through this secret.
  const localOperatorSecret = createLocalOperatorSecret();
  const app = await buildApp(runtime, { localOperatorSecret });
  const diffWorker = await startDiffWorker(runtime);
  const server = createHttpServer(app, config);
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    const url = config.publicUrl ?? `http://127.0.0.1:${port}`;
    writeLocalServerFile(config.dataDir, { url, secret: localOperatorSecret, pid: process.pid, startedAt: new Date().toISOString() })
      .then((file) => logger.info({ file }, `the planning CLI of this checkout finds this server through ${file}`))
      .catch((error: unknown) => logger.warn({ err: error }, 'server.json not written: the CLI needs --server and a login'));
    logger.info({ port }, `Planning Hub listening on ${url}/ui/plans/input_sets`);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      removeLocalServerFile(config.dataDir, localOperatorSecret)
        .then(() => diffWorker.stop())
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
