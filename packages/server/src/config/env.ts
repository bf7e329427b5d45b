import path from 'node:path';
import { z } from 'zod';
import { findRepoRoot } from './repo-root';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((v) => v === 'true' || v === '1');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().trim().max(255).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  PLANNING_HUB_HOME: z.string().trim().max(4096).optional(),
  PLANNING_HUB_WORKDIR: z.string().trim().max(4096).optional(),
  PLANNING_HUB_DATA_DIR: z.string().trim().max(4096).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_USERNAME: z.string().trim().min(1).max(64).default('admin'),
  ADMIN_PASSWORD: z.string().min(12).max(256).optional(),
  FOUR_EYES: booleanFlag.default(false),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024 * 1024),
  UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(1000).default(20),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  CHROMIUM_PATH: z.string().trim().max(4096).optional(),
  ARTIFACT_DIR: z.string().trim().max(4096).optional(),
  DIFF_RETRY_LIMIT: z.coerce.number().int().min(0).max(10).default(3),
  DIFF_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  DIFF_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
});

export type TConfig = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Where clients reach this server; written to server.json for the CLI. Default: http://127.0.0.1:<port>. */
  publicUrl: string | undefined;
  /** Set when an external PostgreSQL is used; otherwise the embedded one is started. */
  databaseUrl: string | undefined;
  /** The checkout (or install) folder: prisma/ and the built SPA live under it. */
  home: string;
  /** Where the runbook's relative paths (tmp/, out/, evidence/) are rooted; default: home. */
  workDir: string;
  /** The embedded PostgreSQL's data lives in <dataDir>/postgres; default: <home>/.data. */
  dataDir: string;
  tmpDir: string;
  embeddedPgPort: number;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  adminUsername: string;
  adminPassword: string | undefined;
  /** FOUR_EYES: the installation's policy, written into the database at start (planning_hub_policy). */
  fourEyes: boolean;
  sessionTtlHours: number;
  uploadMaxBytes: number;
  uploadMaxFiles: number;
  cookieSecure: 'auto' | 'true' | 'false';
  chromiumPath: string | undefined;
  /** Run artifacts (planning_input_set.json) live under <artifactDir>/runs/<run id>/; default: <workDir>/tmp/artifacts. */
  artifactDir: string;
  /** Diff jobs (pg-boss queue input-set-diff): retries after the first attempt. */
  diffRetryLimit: number;
  /** First retry delay; later ones back off exponentially (pg-boss retryBackoff). */
  diffRetryDelaySeconds: number;
  /** How often the diff worker looks for queued jobs. */
  diffPollIntervalSeconds: number;
};

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
  const home = path.resolve(e.PLANNING_HUB_HOME ?? findRepoRoot());
  const workDir = path.resolve(e.PLANNING_HUB_WORKDIR ?? home);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    home,
    workDir,
    dataDir: path.resolve(e.PLANNING_HUB_DATA_DIR ?? path.join(home, '.data')),
    tmpDir: path.join(workDir, 'tmp'),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    logLevel: e.LOG_LEVEL,
    adminUsername: e.ADMIN_USERNAME,
    adminPassword: e.ADMIN_PASSWORD,
    fourEyes: e.FOUR_EYES,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    uploadMaxFiles: e.UPLOAD_MAX_FILES,
    cookieSecure: e.COOKIE_SECURE,
    chromiumPath: e.CHROMIUM_PATH,
    artifactDir: path.resolve(workDir, e.ARTIFACT_DIR ?? path.join('tmp', 'artifacts')),
    diffRetryLimit: e.DIFF_RETRY_LIMIT,
    diffRetryDelaySeconds: e.DIFF_RETRY_DELAY_SECONDS,
    diffPollIntervalSeconds: e.DIFF_POLL_INTERVAL_SECONDS,
  };
}
