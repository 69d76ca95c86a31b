/**
 * How `render` writes a post (`toHtmlFast`, `src/to-html.ts`, with the kept
 * HTML of highlighted code, `src/highlighted-html.ts`) against
 * rehype-stringify, which it stands in for: the same HTML for 150 posts of
 * the benchmark corpus, every fixture, every kramdown document and the cases
 * below, with the css-variables theme, with a light and a dark theme (where
 * no code is kept, so every token is written the generic way), with Prism
 * (whose blocks' HTML is written as their tree is built), without raw HTML
 * and sanitized; the tree is left as it was.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { referenceSources } from './reference-sources.ts';
import { childrenHtml, highlightedCode } from '../src/highlighted-html.ts';
import { getPipeline } from '../src/render.ts';
import { toHtmlFast } from '../src/to-html.ts';
import { walk } from '../src/walk.ts';

const cases = [
  '```js\nconst a = "<b>" && 1;\n```\n\n```js\nconst a = "<b>" && 1;\n```',
  '- item\n\n  ```python\n  x = 1\n  ```\n\n> ```c\n> int x; /* & */\n> ```',
  '```python\n\n\n```\n\n```python\n```',
  '```python linenos\nx = 1\ny = 2\n```',
  '```python figure\nx = 1\ny = 2\n```\n\n```c++ figure\nint x;\n```\n\n```unknown-lang figure\ncode\n```',
  '```go\nfunc main() {}\n```\n{: #code-id .extra}',
  'Text \uE0000\uE001 with a marker.\n\n```python\nx = 1\n```',
  '```python\nx = "\uE0000\uE001"\n```',
  '<div markdown="1">\n\n```sh\necho "a & b" > c\n```\n\n</div>',
  '<svg><text>\n\n```js\nlet x;\n```\n\n</text></svg>',
  '```text\nplain\n```\n\n```unknown-lang\ncode\n```\n\n```js\n\tx\r\n```',
];

const sources = referenceSources(cases);

describe('render writes what rehype-stringify writes', () => {
  const choices = [
    ['css-variables', { highlight: { themes: 'css-variables' } }],
    ['light and dark themes', { highlight: { themes: { light: 'github-light', dark: 'github-dark' } } }],
    ['Prism', { highlight: { engine: 'prism' } }],
    ['raw HTML dropped', { highlight: { engine: 'prism' }, allowDangerousHtml: false }],
    ['sanitized', { highlight: { engine: 'prism' }, sanitize: true }],
  ] as const;
  for (const [name, options] of choices) {
    test(`with ${name}`, async () => {
      const pipeline = getPipeline(options);
      let highlighted = 0;
      for (const source of sources) {
        const file = new VFile({ value: source });
        const tree = await pipeline.parse.run(pipeline.parse.parse(file), file);
        const finished = await pipeline.finish.run(structuredClone(tree), file);
        const stringify = (root: Root): string => pipeline.finish.stringify(root, file);
        const before = JSON.stringify(finished);
        const expected = stringify(finished);
        expect(toHtmlFast(finished, pipeline.html), source.slice(0, 80)).toBe(expected);
        expect(JSON.stringify(finished)).toBe(before);
        walk(finished, (node) => {
          if (node.type === 'element' && highlightedCode.has(node as never)) highlighted++;
        });
      }
      // Only one theme keeps lines: with two, each block's lines are its own and written with the post.
      // Prism's blocks come with their HTML.
      if (name === 'light and dark themes') expect(highlighted).toBe(0);
      else expect(highlighted).toBeGreaterThan(1000);
    });
  }
});

describe('a line is written as hast-util-to-html writes it', () => {
  const token = (text: string, properties: Element['properties'] = {}): Element => ({
    type: 'element',
    tagName: 'span',
    properties,
    children: [{ type: 'text', value: text }],
  });
  const line = (children: ElementContent[], properties: Element['properties'] = { class: 'line' }): Element => ({
    type: 'element',
    tagName: 'span',
    properties,
    children,
  });
  // Every ASCII character, characters that are escaped in some places and not others, and surrogates.
  const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('');
  const texts = [ascii, '&amp; &#x3C; <b> "q" \'s\' `t`', '\u00A0\u2028\uE000\uFFFD', '😀 \uD800 \uDC00', ' ', ''];
  const styles = ['color:#D73A49', 'color:var(--shiki-token-keyword);font-style:italic', 'a"b&c\'d<e>`f', ''];

  test('Shiki-shaped lines, whatever their text and styles', () => {
    for (const text of texts) {
      for (const style of styles) {
        const children = [
          line([token(text, { style }), token(text), token(`${text}x`, { style })]),
          { type: 'text', value: '\n' },
          line([]),
        ] as ElementContent[];
        expect(childrenHtml(children), JSON.stringify([text, style])).toBe(
          children.map((child) => toHtml(child)).join(''),
        );
      }
    }
  });

  test('other shapes, which hast-util-to-html writes itself', () => {
    const others: ElementContent[] = [
      line([token('x', { style: 'color:red' })], { class: 'line', dataLine: 3 }),
      line([token('x', { className: ['k'] })]),
      line([token('x', { style: 'color:red', className: ['k'] })]),
      line([token('x', { style: 12 as never })]),
      line([
        {
          ...token('x'),
          children: [
            { type: 'text', value: 'a' },
            { type: 'text', value: '<b>' },
          ],
        },
      ]),
      line([{ ...token('x'), children: [token('<nested>')] }]),
      line([{ type: 'text', value: 'bare & text' }]),
      line([token('<i>', { style: 'color:red' })], { className: ['line'] }),
      { ...line([token('<i>')]), tagName: 'div' },
    ];
    for (const other of others) expect(childrenHtml([other]), JSON.stringify(other)).toBe(toHtml(other));
  });
});
