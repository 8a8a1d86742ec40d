import { defineConfig } from 'vitest/config';

// The broker's tests, apart from the extension's (root vitest.config.ts covers test/ only):
// `npm test` here runs them on embedded PGlite, with DATABASE_URL on PostgreSQL.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
