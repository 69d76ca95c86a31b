/**
 * Shared Vitest settings: every package writes a JSON report next to its
 * console output so `scripts/test.mjs` can sum the results of all runners.
 * Plain data, so this file needs no dependency of the workspace root.
 *
 * No test passes or fails by time: CI runs on a busy 2-core machine, where a
 * browser page or a build can take many times its usual time. The time limits
 * below only stop a test that hangs; they are far above any test's duration.
 */
export default {
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]] as [string, ...unknown[]][],
  },
};
