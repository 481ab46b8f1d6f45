import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Two projects: fast units (node, or happy-dom per file) and end-to-end tests that drive real
// Chromium against the real reference platform. e2e files run one at a time: 2 cores.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        // The platform's route, list-lifecycle and import tests again, each platform on a fresh
        // database of a real PostgreSQL server that the run starts itself (issue 16). Files that
        // open SQLite files of their own (restarts) stay in `unit` only; the two-worker test runs on both.
        plugins: [WxtVitest()],
        test: {
          name: 'unit-postgres',
          include: [
            'test/unit/platform/routes/**/*.test.ts',
            'test/unit/platform/lists/**/*.test.ts',
            'test/unit/platform/import/**/*.test.ts',
            'test/unit/platform/server/platform-cluster.test.ts',
          ],
          exclude: ['test/unit/platform/routes/record-key-restart.test.ts'],
          environment: 'node',
          env: { PLATFORM_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Run on its own, after these (npm test): its policy file would reach every Chromium on the machine.
          exclude: ['test/e2e/extension-enterprise-policy.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // Enterprise deployment (issue 18): writes a machine policy in /etc/chromium/policies/managed/, so root only.
          name: 'e2e-enterprise',
          include: ['test/e2e/extension-enterprise-policy.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
