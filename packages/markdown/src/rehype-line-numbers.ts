/**
 * Jekyll's `{% highlight lang linenos %}`: the code in a table with a gutter
 * of line numbers, as Jekyll 4.3 writes it (`figure.highlight` > `pre` >
 * `code` > `table.rouge-table`, the numbers in `td.gutter pre.lineno`, the
 * code in `td.code pre`). The Liquid tag of `@blog/model` writes such a
 * block as a fence with `linenos` after the language.
 *
 * Two steps around highlighting: `rehypeLineNumbersMark` notes the blocks
 * (highlighting keeps the code element's attributes, not its data), and
 * `rehypeLineNumbers` builds the table from the highlighted code.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { highlightedCode } from './highlighted-html.js';
import { walk } from './walk.js';

/** Marks code whose fence says `linenos`. */
export function rehypeLineNumbersMark() {
  return (tree: Root): void => {
    walk<Element>(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'code') return undefined;
      const meta = (node.data as { meta?: string } | undefined)?.meta;
      if (meta && /(?:^|\s)linenos(?:\s|$)/.test(meta)) node.properties.dataLinenos = '';
      return false;
    });
  };
}

function hasClass(node: Element, name: string): boolean {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes(name);
}

function el(tagName: string, className: string[] | undefined, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: className ? { className } : {}, children };
}

/** The marked code inside `node` (a highlighting wrapper or a `pre`), if any. */
function markedCode(node: Element): Element | undefined {
  let found: Element | undefined;
  walk<Element>(node, (child) => {
    if (found || child.type !== 'element') return false;
    if (child.tagName === 'code' && child.properties.dataLinenos !== undefined) found = child;
    // Highlighted code holds Shiki's token spans and their text, never another code element.
    return highlightedCode.has(child) ? false : undefined;
  });
  return found;
}

export default function rehypeLineNumbers() {
  return (tree: Root): void => {
    walk<Element>(tree, (node, index, parent) => {
      if (node.type !== 'element') return undefined;
      const wrapper = (node.tagName === 'div' && hasClass(node, 'highlighter-rouge')) || node.tagName === 'pre';
      if (!wrapper) return undefined;
      const code = markedCode(node);
      if (!code) return false;
      const className = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
      const language = className.find((name) => name.startsWith('language-'))?.slice('language-'.length);
      const lines = toString(code).replace(/\n$/, '').split('\n').length;
      const numbers = Array.from({ length: lines }, (_, i) => `${i + 1}\n`).join('');
      const table = el(
        'table',
        ['rouge-table'],
        [
          el('tbody', undefined, [
            el('tr', undefined, [
              el('td', ['gutter', 'gl'], [el('pre', ['lineno'], [{ type: 'text', value: numbers }])]),
              el('td', ['code'], [el('pre', undefined, [...code.children, { type: 'text', value: '\n' }])]),
            ]),
          ]),
        ],
      );
      const inner: Element = {
        type: 'element',
        tagName: 'code',
        properties: language ? { className: [`language-${language}`], dataLang: language } : {},
        children: [table],
      };
      parent.children[index] = el('figure', ['highlight'], [el('pre', undefined, [inner])]);
      return false;
    });
  };
}
