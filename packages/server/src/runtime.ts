import { loadConfig, type TConfig } from './config/env';
import { loadAuditKey } from './config/load-audit-key';
import { openDatabase, type TDatabase } from './database/connect';
import { createLogger, type TLogger } from './observability/logger';
import { createMetrics, type TMetrics } from './observability/metrics';

/** What every entry point (API server, CLI command, test) shares: wired by hand, no container. */
export type TRuntime = {
  config: TConfig;
  logger: TLogger;
  db: TDatabase;
  metrics: TMetrics;
  close: () => Promise<void>;
};

export async function openRuntime({
  name,
  config = loadConfig(),
  logger,
}: {
  name: string;
  config?: TConfig;
  logger?: TLogger;
}): Promise<TRuntime> {
  const log = logger ?? createLogger({ level: config.logLevel, name, file: config.logFile });
  // The audit key first: a start with the wrong key fails before it touches the database.
  const auditKey = await loadAuditKey(config);
  const db = await openDatabase({
    config,
    log: (message) => log.info(message),
    warn: (message) => log.warn(message),
    auditKey,
  });
  const metrics = createMetrics();
  return { config, logger: log, db, metrics, close: () => db.close() };
}
