/**
 * `mdastToHast` (`src/mdast-to-hast.ts`) against mdast-util-to-hast's `toHast`
 * as remark-rehype runs it: the same tree, positions included, for the Markdown
 * trees of 150 posts of the benchmark corpus, every fixture, every kramdown
 * document and the cases below (definitions repeated, nested, in other case),
 * with each parser.
 */
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { referenceSources } from './reference-sources.ts';
import mdastToHast from '../src/mdast-to-hast.ts';
import { resolveOptions } from '../src/options.ts';
import { markdownToHastPlugins, parserPlugins } from '../src/processor.ts';

const cases = [
  '[a][x] and [b][X] and [c][y]\n\n[x]: /first\n[X]: /second\n\n> [y]: /quoted\n\n[y]: /later',
  'Note[^n] and again[^N].\n\n[^n]: First.\n\n[^N]: Second.\n\n- item\n\n  [^n]: In a list.',
  '- [ref]\n\n  [ref]: /in-list "Title"\n\n[ref]: /top',
  'No definitions at all: *em* and `code`.',
  '',
  '[^1]\n\n[^1]: A note with [a link][l].\n\n    [l]: /code-not-def\n\n[l]: /def',
];

const sources = referenceSources(cases, { pattern: /\.(?:md|markdown|text)$/ });

const options = { allowDangerousHtml: true, clobberPrefix: '' };

describe('mdastToHast gives the tree of toHast', () => {
  for (const parser of ['satteri', 'remark'] as const) {
    test(`with ${parser}`, async () => {
      const resolved = resolveOptions({ parser });
      // The Markdown half without its last plugin, the conversion to hast.
      const plugins = markdownToHastPlugins(resolved).slice(0, -1);
      const processor = unified().use(parserPlugins(resolved)).use(plugins);
      let definitions = 0;
      for (const source of sources) {
        const file = new VFile({ value: source });
        const tree = (await processor.run(processor.parse(file), file)) as Root;
        definitions += tree.children.filter((node) => node.type === 'definition').length;
        const expected = JSON.stringify(toHast(structuredClone(tree), { file, ...options }));
        expect(JSON.stringify(mdastToHast(options)(structuredClone(tree), file)), source.slice(0, 80)).toBe(expected);
      }
      expect(definitions).toBeGreaterThan(1000);
    });
  }
});
