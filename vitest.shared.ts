import { defineConfig } from 'vitest/config';

/**
 * Shared Vitest settings: every package writes a JSON report next to its
 * console output so `scripts/test.mjs` can sum the results of all runners.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
});
