/**
 * The engine whose regular expressions share their searches of a line
 * across scanners (`src/shiki-scanner.ts`) against Shiki's own JavaScript
 * engine: the same tokens on the code of the benchmark corpus, the fixtures
 * and the kramdown documents, in fewer runs of a regular expression.
 */
import {
  createHighlighter,
  createJavaScriptRegexEngine,
  defaultJavaScriptRegexConstructor,
  type BundledLanguage,
} from 'shiki';
import { expect, test } from 'vitest';
import { sharedSearchEngine } from '../src/shiki-scanner.ts';
import { fencedBlocks, referenceSources } from './reference-sources.ts';

/** Shiki's regex constructor, counting the searches its `RegExp`s run. */
function countingConstructor() {
  const counter = { runs: 0 };
  const construct = (pattern: string): RegExp => {
    const regexp = defaultJavaScriptRegexConstructor(pattern, { target: 'auto' });
    const exec = regexp.exec;
    regexp.exec = function (this: RegExp, text: string) {
      counter.runs++;
      return exec.call(this, text);
    };
    return regexp;
  };
  return { counter, construct };
}

const cases: [string, string][] = [
  // Brackets, calls and template strings nest the same expression patterns in many rules.
  [
    'javascript',
    'const total = items.map((item) => price(item, `${item.name}: ${fmt(item.cost)}`)).reduce((a, b) => a + b, 0);',
  ],
  ['python', 'print(f"{key!r:>{width}} {sorted(values, key=lambda v: (v[0], -v[1]))}")'],
  ['typescript', 'export const f = <T,>(x: T): Promise<Array<T>> => new Promise((r) => r([x]));'],
  ['ruby', 'puts "#{items.map { |i| "#{i[:name]} (#{i[:n]})" }.join(", ")}"'],
  ['markdown', '# Title\n\n*em* __strong__ ~~strike~~ [link](x) `code` <b>html</b>'],
];

test('the shared searches give the tokens of Shiki’s own engine, in fewer runs', async () => {
  const all = [...cases, ...fencedBlocks(referenceSources([], { posts: 120 }))];
  const ids = [...new Set(all.map(([id]) => id))] as BundledLanguage[];
  expect(ids.length).toBeGreaterThanOrEqual(12);
  const shikis = countingConstructor();
  const ours = countingConstructor();
  const [shared, plain] = await Promise.all([
    createHighlighter({
      themes: ['github-light'],
      langs: ids,
      engine: sharedSearchEngine(createJavaScriptRegexEngine({ forgiving: true, regexConstructor: ours.construct }), {
        forgiving: true,
      }),
    }),
    createHighlighter({
      themes: ['github-light'],
      langs: ids,
      engine: createJavaScriptRegexEngine({ forgiving: true, regexConstructor: shikis.construct }),
    }),
  ]);
  for (const [id, code] of all) {
    const options = { lang: id as BundledLanguage, theme: 'github-light', tokenizeTimeLimit: 0 };
    expect(JSON.stringify(shared.codeToTokens(code, options)), `${id}: ${code}`).toBe(
      JSON.stringify(plain.codeToTokens(code, options)),
    );
  }
  // A third fewer on this code (a quarter on the site benchmark's corpus).
  expect(ours.counter.runs).toBeGreaterThan(0);
  expect(ours.counter.runs).toBeLessThan(shikis.counter.runs * 0.8);
  shared.dispose();
  plain.dispose();
});

test('a plain string is searched afresh each time, as by Shiki’s scanner', async () => {
  const engine = sharedSearchEngine(createJavaScriptRegexEngine({ forgiving: true }), { forgiving: true });
  const scanner = engine.createScanner(['b+', 'a(b)?']);
  expect(scanner.findNextMatchSync('xabb', 0, 0)).toEqual({
    index: 1,
    captureIndices: [
      { start: 1, end: 3, length: 2 },
      { start: 2, end: 3, length: 1 },
    ],
  });
  expect(scanner.findNextMatchSync('xabb', 2, 0)?.index).toBe(0);
  expect(scanner.findNextMatchSync('xa', 0, 0)).toEqual({
    index: 1,
    captureIndices: [
      { start: 1, end: 2, length: 1 },
      { start: 4294967295, end: 4294967295, length: 0 },
    ],
  });
  expect(scanner.findNextMatchSync('xyz', 0, 0)).toBeNull();
});

test('a search whose match depends on where it starts is run every time, as by Shiki’s scanner', () => {
  const shikis = createJavaScriptRegexEngine({ forgiving: true });
  const ours = sharedSearchEngine(createJavaScriptRegexEngine({ forgiving: true }), { forgiving: true });
  // `\G` is where the search starts: a sticky RegExp, and one `oniguruma-to-es` emulates with a strategy.
  for (const [pattern, text, expected] of [
    ['\\Gx', 'axx', [false, true]],
    ['(?!\\G)x', 'xx', [true, false]],
  ] as const) {
    const answers = [shikis, ours].map((engine) => {
      // Another rule with the same pattern searches first: its search is not reused either.
      const other = engine.createScanner(['y', pattern]);
      const scanner = engine.createScanner([pattern]);
      const line = engine.createString(text);
      other.findNextMatchSync(line, 0, 0);
      return [0, 1].map((start) => scanner.findNextMatchSync(line, start, 0));
    });
    expect(answers[1], pattern).toEqual(answers[0]);
    expect(answers[0]!.map((match) => match !== null)).toEqual(expected);
  }
});
