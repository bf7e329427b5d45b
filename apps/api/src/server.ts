import type { AddressInfo } from 'node:net';
import type express from 'express';
import { openRuntime, type TRuntime } from '@planning-hub/server/runtime';
import { ensureInitialAdmin } from '@planning-hub/server/services/auth/initial-admin';
import {
  createLocalOperatorSecret,
  removeLocalServerFile,
  writeLocalServerFile,
} from '@planning-hub/server/services/auth/local-operator';
import { startDiffWorker } from '@planning-hub/server/services/diff/diff-worker';
import { createWorkerApp } from './app';
import { buildApp } from './build-app';
import { createHttpServer } from './http/request-timeout';

/** What this process serves on its port, and what it does once listening and before it exits. */
type TServing = {
  app: express.Express;
  onListening: (url: string, port: number) => void;
  onClosed: () => Promise<void>;
};

/** SERVER_ROLE=all or api: the API and the SPA, and the local operator of this machine's checkout. */
async function serveApi(runtime: TRuntime): Promise<TServing> {
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
    logger.info(
      { username: admin.username },
      'initial admin user created with the password from ADMIN_PASSWORD',
    );
  }
  // The CLI of this checkout finds the server and acts as the local operator through this secret.
  const localOperatorSecret = createLocalOperatorSecret();
  return {
    app: await buildApp(runtime, { localOperatorSecret }),
    onListening: (url, port) => {
      writeLocalServerFile(config.dataDir, {
        url,
        secret: localOperatorSecret,
        pid: process.pid,
        startedAt: new Date().toISOString(),
      })
        .then((file) =>
          logger.info({ file }, `the planning CLI of this checkout finds this server through ${file}`),
        )
        .catch((error: unknown) =>
          logger.warn({ err: error }, 'server.json not written: the CLI needs --server and a login'),
        );
      logger.info({ port, role: config.serverRole }, `Planning Hub listening on ${url}/ui/plans/input_sets`);
    },
    onClosed: () => removeLocalServerFile(config.dataDir, localOperatorSecret),
  };
}

/** SERVER_ROLE=worker: only the probes and the metrics of the diff worker. */
function serveWorkerProbes(runtime: TRuntime): TServing {
  const { logger, db, metrics } = runtime;
  return {
    app: createWorkerApp({
      logger,
      metrics,
      checkDatabase: async () => {
        await db.pool.query('SELECT 1');
        return true;
      },
    }),
    onListening: (url, port) =>
      logger.info(
        { port, role: 'worker' },
        `Planning Hub diff worker running; /healthz, /readyz and /metrics on ${url}`,
      ),
    onClosed: async () => {},
  };
}

/** Process entry: config, database, the parts SERVER_ROLE names, listen, graceful shutdown. */
async function main(): Promise<void> {
  const runtime = await openRuntime({ name: 'planning-hub-api' });
  const { config, logger } = runtime;
  const serving = config.serverRole === 'worker' ? serveWorkerProbes(runtime) : await serveApi(runtime);
  const diffWorker = config.serverRole === 'api' ? undefined : await startDiffWorker(runtime);
  const server = createHttpServer(serving.app, config);
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    serving.onListening(config.publicUrl ?? `http://127.0.0.1:${port}`, port);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      serving
        .onClosed()
        .then(() => diffWorker?.stop())
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
