/**
 * Shared Vitest settings: every package writes a JSON report next to its
 * console output so `scripts/test.mjs` can sum the results of all runners.
 * Plain data, so this file needs no dependency of the workspace root.
 */
export default {
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]] as [string, ...unknown[]][],
  },
};
