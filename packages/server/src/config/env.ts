import path from 'node:path';
import { z } from 'zod';
import { findRepoRoot } from './repo-root';

const booleanFlag = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().trim().max(255).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  DATABASE_OWNER_URL: z.url().optional(),
  PLANNING_HUB_HOME: z.string().trim().max(4096).optional(),
  PLANNING_HUB_WORKDIR: z.string().trim().max(4096).optional(),
  PLANNING_HUB_DATA_DIR: z.string().trim().max(4096).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FILE: z.string().trim().min(1).max(4096).optional(),
  ADMIN_USERNAME: z.string().trim().min(1).max(64).default('admin'),
  ADMIN_PASSWORD: z.string().min(12).max(256).optional(),
  FOUR_EYES: booleanFlag.default(false),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60 * 30)
    .default(60),
  AUDIT_HMAC_KEY: z.string().trim().min(32, 'at least 32 characters').max(1024).optional(),
  AUDIT_HMAC_KEY_FILE: z.string().trim().min(1).max(4096).optional(),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024 * 1024),
  UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(1000).default(20),
  UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  UPLOAD_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(10)
    .max(24 * 3600)
    .default(3600),
  HTTP_HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  HTTP_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  DB_ACQUIRE_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(600).default(10),
  DB_STATEMENT_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 3600)
    .default(60),
  DB_BULK_STATEMENT_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(1)
    .max(7 * 24 * 3600)
    .default(3600),
  DB_LOCK_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 3600)
    .default(60),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.string().trim().min(1).max(1000).default('loopback'),
  CHROMIUM_PATH: z.string().trim().max(4096).optional(),
  ARTIFACT_DIR: z.string().trim().max(4096).optional(),
  DIFF_RETRY_LIMIT: z.coerce.number().int().min(0).max(10).default(3),
  DIFF_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  DIFF_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  SERVER_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
});

export type TConfig = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Where clients reach this server; written to server.json for the CLI. Default: http://127.0.0.1:<port>. */
  publicUrl: string | undefined;
  /** Set when an external PostgreSQL is used; otherwise the embedded one is started. The app connects with it. */
  databaseUrl: string | undefined;
  /** DATABASE_OWNER_URL: the owner of the schema, for migrations and the installation policy; unset: DATABASE_URL does both. */
  databaseOwnerUrl: string | undefined;
  /** The checkout (or install) folder: prisma/ and the built SPA live under it. */
  home: string;
  /** Where the runbook's relative paths (tmp/, out/, evidence/) are rooted; default: home. */
  workDir: string;
  /** The embedded PostgreSQL's data lives in <dataDir>/postgres; default: <home>/.data. */
  dataDir: string;
  tmpDir: string;
  embeddedPgPort: number;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  /** LOG_FILE: the JSON log lines are also appended here (reopened on SIGHUP, for logrotate); relative to workDir. */
  logFile: string | undefined;
  adminUsername: string;
  adminPassword: string | undefined;
  /** FOUR_EYES: the installation's policy, written into the database at start (planning_hub_policy). */
  fourEyes: boolean;
  sessionTtlHours: number;
  /** A session unused for this long ends before its absolute lifetime (SESSION_TTL_HOURS). */
  sessionIdleMinutes: number;
  /** AUDIT_HMAC_KEY, or read from AUDIT_HMAC_KEY_FILE; unset: generated into <dataDir>/audit-hmac-key (services/events/audit-key.ts). */
  auditHmacKey: string | undefined;
  auditHmacKeyFile: string | undefined;
  uploadMaxBytes: number;
  uploadMaxFiles: number;
  /** Uploads one process reads and imports at the same time; one more gets 503 with Retry-After. */
  uploadConcurrency: number;
  /** How long an upload's request (its body) may take to arrive. */
  uploadTimeoutMs: number;
  /** How long a request's headers may take to arrive (slow clients hold a socket each). */
  httpHeadersTimeoutMs: number;
  /** How long any other request (headers and body) may take to arrive: 408 past it. */
  httpRequestTimeoutMs: number;
  /** An upload or download during which no byte moves for this long is cut. */
  httpIdleTimeoutMs: number;
  /** PostgreSQL timeouts of this process's connections (packages/server/src/database/connect.ts). */
  database: TDatabaseTimeouts;
  cookieSecure: 'auto' | 'true' | 'false';
  /**
   * TRUST_PROXY: Express's `trust proxy`, the addresses or subnets (`loopback`, `uniquelocal`,
   * `10.0.0.0/8`) of the proxies whose X-Forwarded-For and -Proto count: the client address
   * of the sign-in limits, and https for the session cookie.
   */
  trustProxy: string;
  chromiumPath: string | undefined;
  /** Run artifacts (planning_input_set.json) live under <artifactDir>/runs/<run id>/; default: <workDir>/tmp/artifacts. */
  artifactDir: string;
  /** Diff jobs (pg-boss queue input-set-diff): retries after the first attempt. */
  diffRetryLimit: number;
  /** First retry delay; later ones back off exponentially (pg-boss retryBackoff). */
  diffRetryDelaySeconds: number;
  /** How often the diff worker looks for queued jobs. */
  diffPollIntervalSeconds: number;
  /**
   * SERVER_ROLE: what this process runs. `all` (default, `npm start`): the API, the SPA and
   * the diff worker; `api`: the API and the SPA, no worker (diff jobs wait for one);
   * `worker`: the diff worker, with only /healthz, /readyz and /metrics on its port.
   */
  serverRole: 'all' | 'api' | 'worker';
};

export type TDatabaseTimeouts = {
  /** Waiting for a free pool connection (or for a new one to open); past it the caller gets 503. */
  acquireTimeoutMs: number;
  /** statement_timeout of every statement but the bulk ones. */
  statementTimeoutMs: number;
  /** statement_timeout (and lock and idle-in-transaction timeouts) inside bulk transactions: COPY imports, diffs, exports, run snapshots. */
  bulkStatementTimeoutMs: number;
  /** lock_timeout: waiting for a row, table or advisory lock. */
  lockTimeoutMs: number;
  /** idle_in_transaction_session_timeout: a transaction left open by a stuck caller is ended by PostgreSQL. */
  idleInTransactionTimeoutMs: number;
};

const seconds = (value: number) => Math.round(value * 1000);

/** Reads and validates the environment once; fails fast naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  // An empty variable (`ADMIN_PASSWORD=` in a compose file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.AUDIT_HMAC_KEY !== undefined && e.AUDIT_HMAC_KEY_FILE !== undefined) {
    throw new Error(
      'Invalid configuration:\n  AUDIT_HMAC_KEY, AUDIT_HMAC_KEY_FILE: set one of them, not both',
    );
  }
  if (e.DATABASE_OWNER_URL !== undefined && e.DATABASE_URL === undefined) {
    throw new Error(
      'Invalid configuration:\n  DATABASE_OWNER_URL: needs DATABASE_URL too (the role the app connects as)',
    );
  }
  const home = path.resolve(e.PLANNING_HUB_HOME ?? findRepoRoot());
  const workDir = path.resolve(e.PLANNING_HUB_WORKDIR ?? home);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    home,
    workDir,
    dataDir: path.resolve(e.PLANNING_HUB_DATA_DIR ?? path.join(home, '.data')),
    tmpDir: path.join(workDir, 'tmp'),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    logLevel: e.LOG_LEVEL,
    logFile: e.LOG_FILE === undefined ? undefined : path.resolve(workDir, e.LOG_FILE),
    adminUsername: e.ADMIN_USERNAME,
    adminPassword: e.ADMIN_PASSWORD,
    fourEyes: e.FOUR_EYES,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    auditHmacKey: e.AUDIT_HMAC_KEY,
    auditHmacKeyFile:
      e.AUDIT_HMAC_KEY_FILE === undefined ? undefined : path.resolve(workDir, e.AUDIT_HMAC_KEY_FILE),
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    uploadMaxFiles: e.UPLOAD_MAX_FILES,
    uploadConcurrency: e.UPLOAD_CONCURRENCY,
    uploadTimeoutMs: seconds(e.UPLOAD_TIMEOUT_SECONDS),
    httpHeadersTimeoutMs: seconds(e.HTTP_HEADERS_TIMEOUT_SECONDS),
    httpRequestTimeoutMs: seconds(e.HTTP_REQUEST_TIMEOUT_SECONDS),
    httpIdleTimeoutMs: seconds(e.HTTP_IDLE_TIMEOUT_SECONDS),
    database: {
      acquireTimeoutMs: seconds(e.DB_ACQUIRE_TIMEOUT_SECONDS),
      statementTimeoutMs: seconds(e.DB_STATEMENT_TIMEOUT_SECONDS),
      bulkStatementTimeoutMs: seconds(e.DB_BULK_STATEMENT_TIMEOUT_SECONDS),
      lockTimeoutMs: seconds(e.DB_LOCK_TIMEOUT_SECONDS),
      idleInTransactionTimeoutMs: seconds(e.DB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS),
    },
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    chromiumPath: e.CHROMIUM_PATH,
    artifactDir: path.resolve(workDir, e.ARTIFACT_DIR ?? path.join('tmp', 'artifacts')),
    diffRetryLimit: e.DIFF_RETRY_LIMIT,
    diffRetryDelaySeconds: e.DIFF_RETRY_DELAY_SECONDS,
    diffPollIntervalSeconds: e.DIFF_POLL_INTERVAL_SECONDS,
    serverRole: e.SERVER_ROLE,
  };
}
