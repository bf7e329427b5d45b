import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/core/src/**/*.test.ts',
            'packages/contracts/src/**/*.test.ts',
            'packages/planner-files/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
          environment: 'node',
          // No database, files or ports: pure CPU work, one worker per core of the test machine
          // (two). They run first, then the integration project on its own.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
          // The property tests take a few seconds of CPU each: on a loaded shared machine, more
          // than the default 5 s of wall time. A time limit, not an assertion.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'packages/server/test/**/*.test.ts',
            'apps/api/test/**/*.test.ts',
            'apps/cli/test/**/*.test.ts',
          ],
          environment: 'node',
          // One embedded PostgreSQL for the run; every test file gets its own database.
          globalSetup: ['packages/test-support/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // One file at a time, as before: several files time their servers, timeouts and
          // child processes, and share the machine with PostgreSQL.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
