/**
 * `codeToPre` (`src/shiki-hast.ts`) against Shiki's `codeToHast`, which it
 * stands in for: the same tree for every code block of 200 posts of the
 * benchmark corpus, of the fixtures and of the cases below, with the
 * css-variables theme and with a light and a dark theme.
 */
import type { BundledLanguage } from 'shiki';
import { describe, expect, test } from 'vitest';
import { fencedBlocks, referenceSources } from './reference-sources.ts';
import { getHighlighter, tokenOptions } from '../src/rehype-shiki.ts';
import { codeToPre } from '../src/shiki-hast.ts';

const cases: [string, string][] = [
  ['python', ''],
  ['python', '\n\n'],
  ['python', '    \n\tx = 1  \n  # comment  '],
  ['javascript', 'const s = "é ✓ 𝒳";\t// unicode\n  \n}'],
  ['c', '   int   x ;   '],
  ['yaml', 'a:\n  - b   \n  -   c'],
  ['shellsession', '$ echo "hi"\nhi\n$ '],
  ['markdown', '# Title\n\n*em* __strong__ ~~strike~~ [link](x)'],
  // Whitespace before an underlined link (css-variables) or struck text (GitHub's themes) stays apart.
  ['markdown', ' [link](x) and `c`  [l](x)\n**b** \t[l](x) end\n- ~~s~~ and  ~~t~~ [u](v)'],
];

const sources = referenceSources([], { posts: 200 });

describe('codeToPre gives the tree of codeToHast', () => {
  for (const themes of ['css-variables', { light: 'github-light', dark: 'github-dark' }] as const) {
    test(`with ${typeof themes === 'string' ? themes : 'light and dark themes'}`, async () => {
      const highlighter = await getHighlighter(themes);
      const all = [...cases, ...fencedBlocks(sources)];
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
