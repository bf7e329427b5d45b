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
        },
      },
    ],
  },
});
