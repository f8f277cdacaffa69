import { defineConfig } from 'vitest/config';

// Three kinds of test, one runner:
// - unit: pure logic beside its code (`*.test.ts`), no database;
// - sqlite / postgres: the same integration tests (`*.int.test.ts`) on each database;
// - e2e: real Chromium against a real server (`e2e/**/*.e2e.test.ts`).
// scripts/test.mjs provisions PostgreSQL and Chromium, then runs all four.
const integration = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...integration, '**/node_modules/**'] } },
      { test: { name: 'sqlite', include: integration, env: { LANTERN_TEST_DB: 'sqlite' }, testTimeout: 30_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'postgres',
          include: integration,
          env: { LANTERN_TEST_DB: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
