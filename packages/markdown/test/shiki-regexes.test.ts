/**
 * Shiki's patterns translated once and kept (`src/shiki-regexes.ts`):
 * highlighting with kept translations must give what Shiki's own engine
 * gives, a kept translation must make the RegExp Shiki's translator makes,
 * and the render cache keeps them for the next build only while they are
 * valid.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createHighlighter,
  createJavaScriptRegexEngine,
  defaultJavaScriptRegexConstructor,
  type BundledLanguage,
} from 'shiki';
import { afterEach, describe, expect, test } from 'vitest';
// Worker threads run the built package.
import { RenderCache, renderAll } from '@blog/markdown';
import { render } from '../src/index.ts';
import { knownTranslations, patternToRegExp } from '../src/shiki-regexes.ts';
import { fencedBlocks, referenceSources } from './reference-sources.ts';

/** The fenced code blocks of the corpus and the fixtures, in a language Shiki knows. */
const blocks = (): [string, string][] => fencedBlocks(referenceSources([], { posts: 40 }));

const themes = { light: 'github-light', dark: 'github-dark' } as const;

test('highlighting with translations kept gives the tokens of Shiki’s own engine', async () => {
  const all = blocks();
  const ids = [...new Set(all.map(([id]) => id))] as BundledLanguage[];
  expect(ids.length).toBeGreaterThanOrEqual(10);
  const [ours, shikis] = await Promise.all([
    createHighlighter({
      themes: [themes.light, themes.dark],
      langs: ids,
      engine: createJavaScriptRegexEngine({ forgiving: true, regexConstructor: patternToRegExp }),
    }),
    createHighlighter({
      themes: [themes.light, themes.dark],
      langs: ids,
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    }),
  ]);
  for (const [id, code] of all) {
    const options = { lang: id as BundledLanguage, themes, tokenizeTimeLimit: 0 };
    expect(JSON.stringify(ours.codeToTokens(code, options)), `${id}: ${code}`).toBe(
      JSON.stringify(shikis.codeToTokens(code, options)),
    );
  }
  ours.dispose();
  shikis.dispose();
});

test('a kept translation makes the RegExp Shiki’s translator makes', async () => {
  const all = blocks();
  await render(all.map(([id, code]) => `\`\`\`${id}\n${code}\n\`\`\`\n`).join('\n'));
  // Translations as another thread or an earlier build hands them over: plain data.
  const kept = JSON.parse(JSON.stringify(knownTranslations())) as ReturnType<typeof knownTranslations>;
  expect(kept.length).toBeGreaterThan(500);
  const lines = all.flatMap(([, code]) => code.split('\n').slice(0, 3));
  for (const [pattern] of kept) {
    let shikis: RegExp | undefined;
    try {
      shikis = defaultJavaScriptRegexConstructor(pattern, { target: 'auto' });
    } catch {
      // A pattern Shiki cannot translate has none here either.
      expect(() => patternToRegExp(pattern), pattern).toThrow();
      continue;
    }
    const ours = patternToRegExp(pattern);
    expect([ours.source, ours.flags, ours.constructor], pattern).toEqual([
      shikis.source,
      shikis.flags,
      shikis.constructor,
    ]);
    expect((ours as { rawOptions?: unknown }).rawOptions, pattern).toEqual(
      (shikis as { rawOptions?: unknown }).rawOptions,
    );
    // Long patterns are compiled on first use (their `source` is empty until then): compare what they match.
    for (const line of lines.slice(0, 20)) {
      ours.lastIndex = shikis.lastIndex = 0;
      expect(ours.exec(line)?.indices, `${pattern} on ${line}`).toEqual(shikis.exec(line)?.indices);
    }
  }
});

describe('the render cache keeps the translations for the next build', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('written by renderAll, read by the next cache on the folder, with the same renderings', async () => {
    dir = mkdtempSync(join(tmpdir(), 'blog-regexes-'));
    const items = referenceSources([], { posts: 12 })
      .slice(0, 12)
      .map((source, n) => ({ source, options: { file: `_posts/${n}.md` } }));
    expect(new RenderCache(dir).translations()).toEqual([]);
    const first = await renderAll(items, { cache: new RenderCache(dir), workers: 2, mainThread: false });
    const kept = new RenderCache(dir).translations();
    expect(kept.length).toBeGreaterThan(100);
    // Workers started with the kept translations render the same (the cache left out: every post rendered).
    const again = await renderAll(items, { workers: 2, mainThread: false });
    expect(again.map((result) => result.html)).toEqual(first.map((result) => result.html));
  });

  test('translations of another version, or a damaged file, are not used', () => {
    dir = mkdtempSync(join(tmpdir(), 'blog-regexes-'));
    const cache = new RenderCache(dir);
    cache.setTranslations([['a+', { pattern: 'a+', flags: 'dgv' }]]);
    expect(new RenderCache(dir).translations()).toEqual([['a+', { pattern: 'a+', flags: 'dgv' }]]);
    writeFileSync(join(dir, 'shiki-regexes.json'), JSON.stringify({ version: 'other', translations: [['a', {}]] }));
    expect(new RenderCache(dir).translations()).toEqual([]);
    writeFileSync(join(dir, 'shiki-regexes.json'), '{"version":');
    expect(new RenderCache(dir).translations()).toEqual([]);
  });
});
