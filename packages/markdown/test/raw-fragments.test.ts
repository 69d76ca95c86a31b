/**
 * The fast path for raw HTML (`src/raw-fragments.ts`) against `hast-util-raw`,
 * which it stands in for: the same tree, positions included, on every fixture,
 * every kramdown document, 200 posts of the benchmark corpus and the cases
 * below, with each parser. Where the fast path declines, the pipeline runs
 * `hast-util-raw` itself, so declining is always right; the corpus checks that
 * it is taken on the HTML posts have.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { postBody } from '../bench/corpus.mjs';
import { rawFragments } from '../src/raw-fragments.ts';
import { getPipeline } from '../src/render.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

function documents(dir: string): [string, string][] {
  const found: [string, string][] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...documents(path));
    else if (/\.(?:md|markdown|text)$/.test(name)) found.push([path, readFileSync(path, 'utf8')]);
  }
  return found;
}

/** Cases at the edges of what the fast path takes: each is either taken and identical, or declined. */
const cases = [
  'Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy.',
  'An <abbr title="network address translation">NAT</abbr> and <ABBR TITLE="x">Y</ABBR>.',
  'Mixed <span class="a  b" data-x="1" hidden tabindex="2" id="s">*em* and `code`</span> text.',
  'Void <br> and <br/> and <img src="a.png" alt="A"/> and <wbr>.',
  'Entities <span title="a&amp;b">x &amp; y</span>.',
  'Unclosed <span>here\n\nand </span> there.',
  'Nested <span><kbd>a</kbd> <sub>2</sub><sup>3</sup></span> <q cite="x">q</q>.',
  'A <a href="/x">link</a> and [md <span>link</span>](/y) and [<a href="/z">nested</a>](/w).',
  '<div class="note" markdown="1">\n\nA *note* with [a link](/x).\n\n- one\n- two\n\n</div>\n\nAfter.',
  '<figure>\n  <img src="/a.png" alt="A diagram">\n  <figcaption>The <em>path</em>.</figcaption>\n</figure>\n\nText.',
  '<!--more-->\n\nText <!-- inline comment --> here.\n\n<!-- block -->',
  '<!-- a -- b -->\n\nText <kbd>x</kbd>.',
  'Text[^1] with <kbd>K</kbd>.\n\n[^1]: A note with <abbr title="t">T</abbr>.',
  '- [ ] task <kbd>a</kbd>\n- [x] done',
  '| a | b |\n|---|:-:|\n| <kbd>x</kbd> | <span>y</span> |\n| 1 | 2 |',
  '<table>\n<tr><td>raw</td></tr>\n</table>',
  '# Heading <span>with span</span>\n\n## Another <kbd>K</kbd> {#custom}',
  '<p>raw paragraph</p>\n\nText <kbd>k</kbd>.',
  'Inline <div>block in p</div> text.',
  '<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>',
  '```\ncode <kbd>x</kbd>\n```\n\nAnd <kbd>y</kbd>.',
  '> Quote <kbd>q</kbd>\n>\n> - item <span>s</span>',
  'Term\n: Definition <kbd>d</kbd>',
  '<section>\n<h2>Raw heading</h2>\n<p>Raw</p>\n</section>',
  '<script>alert(1)</script>\n\nText <kbd>k</kbd>.',
  '<iframe src="x"></iframe>',
  '<svg><circle r="1"/></svg>',
  'A <b>bold <i>italic</i></b> and <s>strike</s> and <u>u</u> and <small>s</small>.',
  '<pre>\nraw pre</pre>',
  'Line one <kbd>a</kbd>\nline two <kbd>b</kbd>\r\nline three.',
  '<span\ntitle="multi\nline">wrapped</span> text',
  '<input type="checkbox" checked disabled> box',
  '<div id="a" class="x y" style="color: red" aria-hidden="true" data-foo-bar="" draggable="true"></div>',
  'text <span constructor="x" hasOwnProperty="y">p</span>',
  '{::options auto_ids="false" /}\n\n# No id <kbd>x</kbd>',
  '<ul>\n<li>raw item</li>\n</ul>',
  'Some *em <kbd>k</kbd>* **strong <kbd>s</kbd>**',
  '<div>\n<div>\n\nInner\n\n</div>\n</div>',
  '<span>a</span><span>b</span>c<kbd>d</kbd>e',
  '$$x^2$$ and <kbd>m</kbd>',
  '![img](a.png){: width="10"} and <kbd>x</kbd>',
  '<hr>\n\nText <kbd>x</kbd>\n\n<hr/>',
  '<em>a</em><em><em><em><em>deep</em></em></em></em>',
];

const sources: [string, string][] = [
  ...cases.map((source, index): [string, string] => [`case ${index}`, source]),
  ...documents(join(here, 'fixtures')),
  ...documents(join(here, 'kramdown')),
  ...Array.from({ length: 200 }, (_, n): [string, string] => [`corpus post ${n}`, postBody(n)]),
];

/** The tree raw HTML is parsed in: what remark-rehype gives, with raw nodes. */
async function hastOf(source: string, parser: 'satteri' | 'remark'): Promise<{ tree: Root; file: VFile }> {
  const pipeline = getPipeline({ parser });
  const file = new VFile({ value: source });
  const tree = await pipeline.parse.run(pipeline.parse.parse(file), file);
  return { tree, file };
}

function hasRaw(node: { type: string; children?: unknown[] }): boolean {
  return node.type === 'raw' || (node.children ?? []).some((child) => hasRaw(child as typeof node));
}

describe('raw HTML without parse5 gives the tree hast-util-raw gives', () => {
  for (const parser of ['satteri', 'remark'] as const) {
    test(`with ${parser}: fixtures, kramdown documents, edge cases and 200 corpus posts`, async () => {
      let taken = 0;
      let corpusTaken = 0;
      for (const [name, source] of sources) {
        const { tree, file } = await hastOf(source, parser);
        if (!hasRaw(tree)) continue;
        const before = structuredClone(tree);
        const fast = rawFragments(tree, file);
        expect(tree, `${name}: the input tree is left as it was`).toEqual(before);
        if (!fast) continue;
        taken++;
        if (name.startsWith('corpus')) corpusTaken++;
        // JSON, not `toEqual`: `toEqual` takes a missing key and one set to `undefined` as equal.
        expect(JSON.stringify(fast), name).toBe(JSON.stringify(raw(tree, { file })));
      }
      expect(corpusTaken).toBe(200);
      expect(taken).toBeGreaterThan(200);
    });
  }

  test('declines what parse5 would read otherwise', async () => {
    for (const source of [
      'Entities <span title="a&amp;b">x &amp; y</span>.',
      'Unclosed <span>here\n\nand </span> there.',
      '<table>\n<tr><td>raw</td></tr>\n</table>',
      '<pre>\nraw pre</pre>',
      '<svg><circle r="1"/></svg>',
    ]) {
      const { tree, file } = await hastOf(source, 'satteri');
      expect(rawFragments(tree, file), source).toBeUndefined();
    }
  });
});
