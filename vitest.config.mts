import { defineConfig } from 'vitest/config';

// Unit tests run the services' TypeScript directly under Node (the better-sqlite3 build for Node).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
