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
        // Every platform test again, each test platform on a fresh database of a real PostgreSQL
        // server that the run starts itself (issue 16; test/support/test-engine.ts). Tests about the
        // SQLite file itself (restarts, the file guard, copy-to-postgres) open their files either way.
        plugins: [WxtVitest()],
        test: {
          name: 'unit-postgres',
          include: ['test/unit/platform/**/*.test.ts'],
          // These start PostgreSQL servers of their own already (they are about both engines).
          exclude: [
            'test/unit/platform/db/**',
            'test/unit/platform/cli/copy-to-postgres-command.test.ts',
            'test/unit/platform/cli/commands-on-postgres.test.ts',
            'test/unit/platform/rate-limit/database-bucket-store.test.ts',
          ],
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
