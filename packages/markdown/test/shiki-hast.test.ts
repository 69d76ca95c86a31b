/**
 * `codeToPre` (`src/shiki-hast.ts`) against Shiki's `codeToHast`, which it
 * stands in for: the same tree for every code block of 200 posts of the
 * benchmark corpus, of the fixtures and of the cases below, with the
 * css-variables theme and with a light and a dark theme.
 */
import { bundledLanguagesInfo, type BundledLanguage } from 'shiki';
import { describe, expect, test } from 'vitest';
import { referenceSources } from './reference-sources.ts';
import { getHighlighter, tokenOptions } from '../src/rehype-shiki.ts';
import { codeToPre } from '../src/shiki-hast.ts';

const languages = new Map<string, string>();
for (const info of bundledLanguagesInfo) {
  languages.set(info.id, info.id);
  for (const alias of info.aliases ?? []) languages.set(alias, info.id);
}

/** Every fenced block of the sources with a language Shiki bundles, as `[language id, code]`. */
function blocks(sources: string[]): [string, string][] {
  const found: [string, string][] = [];
  for (const source of sources) {
    for (const match of source.matchAll(/^(```|~~~)[ \t]*([\w+#-]+)[^\n]*\n([\s\S]*?)\n\1[ \t]*$/gm)) {
      const id = languages.get(match[2]!.toLowerCase());
      if (id) found.push([id, match[3]!]);
    }
  }
  return found;
}

const cases: [string, string][] = [
  ['python', ''],
  ['python', '\n\n'],
  ['python', '    \n\tx = 1  \n  # comment  '],
  ['javascript', 'const s = "é ✓ 𝒳";\t// unicode\n  \n}'],
  ['c', '   int   x ;   '],
  ['yaml', 'a:\n  - b   \n  -   c'],
  ['shellsession', '$ echo "hi"\nhi\n$ '],
  ['markdown', '# Title\n\n*em* __strong__ ~~strike~~ [link](x)'],
];

const sources = referenceSources([], { posts: 200 });

describe('codeToPre gives the tree of codeToHast', () => {
  for (const themes of ['css-variables', { light: 'github-light', dark: 'github-dark' }] as const) {
    test(`with ${typeof themes === 'string' ? themes : 'light and dark themes'}`, async () => {
      const highlighter = await getHighlighter(themes);
      const all = [...cases, ...blocks(sources)];
      for (const id of new Set(all.map(([id]) => id))) await highlighter.loadLanguage(id as BundledLanguage);
      for (const [id, code] of all) {
        const options = tokenOptions(themes, id);
        const expected = highlighter.codeToHast(code, options as Parameters<typeof highlighter.codeToHast>[1]);
        // JSON, not `toEqual`: `toEqual` takes a missing key and one set to `undefined` as equal.
        expect(JSON.stringify(codeToPre(highlighter, code, options)), `${id}: ${code.slice(0, 60)}`).toBe(
          JSON.stringify(expected.children[0]),
        );
      }
      expect(all.length).toBeGreaterThan(1000);
    });
  }
});
