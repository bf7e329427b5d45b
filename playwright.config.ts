import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './apps/cli/src/chromium-args';

// The product as `npm start` serves it, on its own port and embedded database
// (.data/e2e, wiped by the test command before each run).
const PORT = Number(process.env.E2E_PORT ?? 8181);
// Overridable so that parallel checkouts or engineers do not share one database and work folder.
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.data/e2e';
export const E2E_WORKDIR = process.env.E2E_WORKDIR ?? 'tmp/e2e';
export const E2E_PG_PORT = process.env.E2E_PG_PORT ?? '54341';
/** Playwright empties it at the start of a run; screenshots go to its screenshots/ folder. */
export const E2E_OUTPUT_DIR = process.env.E2E_OUTPUT_DIR ?? 'test-results';
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password-1';

const chromium = process.env.CHROMIUM_PATH;

export default defineConfig({
  testDir: './e2e',
  outputDir: `./${E2E_OUTPUT_DIR}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two workers (the test machine's two cores) against the one server and database: every spec
  // writes labels, users and plans of its own, so none sees another's data. A flow beside another
  // takes ~1.1x its time alone: the run ~0.55x (docs/testing.md). `--workers=1`: one at a time.
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    locale: 'en-US',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [...CHROMIUM_ARGS, '--disable-quic'],
    },
  },
  webServer: {
    command: 'node --import tsx apps/api/src/server.ts',
    url: `http://127.0.0.1:${PORT}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      PLANNING_HUB_DATA_DIR: E2E_DATA_DIR,
      PLANNING_HUB_WORKDIR: E2E_WORKDIR,
      EMBEDDED_PG_PORT: E2E_PG_PORT,
      ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
    },
  },
});
