import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Tests never read the repository's .env (or cms/.env): each one sets what it needs, or names its own file.
    env: { CONG_ENV_FILE: '/dev/null' },
    // Strapi keeps process-wide state (global.strapi, listeners): one process per file.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 180_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
