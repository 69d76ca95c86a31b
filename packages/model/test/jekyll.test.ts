/**
 * Differential tests against Jekyll 4.3: `loadBlog` on each fixture site of
 * `test/fixtures/jekyll/` against what Jekyll recorded (`pnpm jekyll-oracle`). A
 * difference listed in `test/fixtures/jekyll/known-differences.json` is allowed; a
 * check that newly fails, or a listed one that now passes, fails the test.
 * `JEKYLL_PARITY_UPDATE=1` rewrites the list with the checks failing now.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { fixtures, modelChecks, passes, readKnown, writeKnown, type Check } from './jekyll-parity.ts';

const known = readKnown();
const all: Check[] = [];

afterAll(() => {
  const passed = all.filter(passes).length;
  console.log(`jekyll parity: ${passed}/${all.length} checks (model)`);
  if (process.env.JEKYLL_PARITY_UPDATE) {
    writeKnown(
      all.filter((check) => !passes(check)).map((check) => check.id),
      known,
    );
  }
});

describe('loadBlog gives what Jekyll 4.3 gives', () => {
  test.each(fixtures())('%s', async (fixture) => {
    const checks = await modelChecks(fixture);
    all.push(...checks);
    if (process.env.JEKYLL_PARITY_UPDATE) return;
    const newlyFailing = checks
      .filter((check) => !passes(check) && !(check.id in known))
      .map((check) => ({ id: check.id, expected: check.expected, actual: check.actual }));
    const stale = checks.filter((check) => passes(check) && check.id in known).map((check) => check.id);
    expect(newlyFailing, 'checks that differ from Jekyll and are not in known-differences.json').toEqual([]);
    expect(stale, 'listed in known-differences.json but equal to Jekyll now: remove them').toEqual([]);
  });

  test('every listed difference is still a check', () => {
    if (process.env.JEKYLL_PARITY_UPDATE) return;
    const ids = new Set(all.map((check) => check.id));
    expect(Object.keys(known).filter((id) => !ids.has(id))).toEqual([]);
  });
});
