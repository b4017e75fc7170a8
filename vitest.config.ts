import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (Node, fast, parallel), `e2e` (the built extension in real headless Chromium and
 * Firefox, one file at a time: these machines have two cores and browsers are heavy), and `server` (the sync
 * server against PGlite, or PostgreSQL when GLOSS_TEST_DATABASE_URL is set; one file at a time, since each
 * opens a database of its own).
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
