import { afterAll, describe, expect, test } from 'vitest';
import { compare, corpus, knownDifferences, report, type Comparison } from './kramdown/parity.ts';

// Our output against what Jekyll 4.3's kramdown made of the same Markdown (recorded with `pnpm oracle`).
// A ratchet: every document not in known-differences.json must match, and every one in it must still differ
// (remove it from the list when it is fixed), so the score can only go up.
const documents = corpus();
const known = knownDifferences();
const results: Comparison[] = [];

afterAll(() => {
  console.log(report(results));
});

describe('kramdown parity', () => {
  test('the known differences name corpus documents, each with its reason', () => {
    const names = new Set(documents.map((document) => document.name));
    expect(Object.keys(known).filter((name) => !names.has(name))).toEqual([]);
    for (const difference of Object.values(known)) expect(difference.reason.length).toBeGreaterThan(40);
  });

  test.each(documents.map((document) => [document.name, document] as const))('%s', async (name, document) => {
    const result = await compare(document);
    results.push(result);
    if (name in known) {
      expect(result.identical, `${name} now matches kramdown: remove it from known-differences.json`).toBe(false);
    } else {
      expect(result.ours).toEqual(result.theirs);
    }
  });

  const exact = documents.filter((document) => known[document.name]?.kramdownExact);
  test.each(exact.map((document) => [document.name, document] as const))(
    '%s matches kramdown with kramdownExact',
    async (_name, document) => {
      const result = await compare(document, { kramdownExact: true });
      expect(result.ours).toEqual(result.theirs);
    },
  );
});
