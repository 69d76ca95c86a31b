/**
 * Jekyll's `{% highlight lang %}` blocks, in Jekyll 4.3's wrapper rather
 * than kramdown's: `figure.highlight > pre > code.language-x[data-lang]`
 * (a `+` of the language is `-` in the class), the code without its last
 * line end. With `linenos`, the code is in a table with a gutter of line
 * numbers (`code > table.rouge-table`, the numbers in `td.gutter
 * pre.lineno`, the code in `td.code pre`). The Liquid tag of `@blog/model`
 * writes such a block as a fence with `figure`, or `linenos`, after the
 * language; in an HTML document, as Jekyll's `figure.highlight` with the
 * code marked `data-figure` or `data-linenos`, which is replaced.
 *
 * Two steps around highlighting: `rehypeLineNumbersMark` notes the blocks
 * (highlighting keeps the code element's attributes, not its data), and
 * `rehypeLineNumbers` builds the wrapper around the highlighted code.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { highlightedCode } from './highlighted-html.js';
import { walk } from './walk.js';

/** Marks code whose fence says `linenos` or `figure`. */
export function rehypeLineNumbersMark() {
  return (tree: Root): void => {
    walk<Element>(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'code') return undefined;
      const meta = (node.data as { meta?: string } | undefined)?.meta;
      if (meta && /(?:^|\s)linenos(?:\s|$)/.test(meta)) node.properties.dataLinenos = '';
      else if (meta && /(?:^|\s)figure(?:\s|$)/.test(meta)) node.properties.dataFigure = '';
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

/** The marked code inside `node` (a highlighting wrapper or a `pre`), if any, and the `pre` it is in. */
function markedCode(node: Element): { code: Element; pre: Element } | undefined {
  let found: { code: Element; pre: Element } | undefined;
  walk<Element>(node, (child, _, parent) => {
    if (found || child.type !== 'element') return false;
    const marked = child.properties.dataLinenos !== undefined || child.properties.dataFigure !== undefined;
    if (child.tagName === 'code' && marked) found = { code: child, pre: parent as Element };
    // Highlighted code holds Shiki's token spans and their text, never another code element.
    return highlightedCode.has(child) ? false : undefined;
  });
  return found;
}

/** The code in Rouge's table: a gutter of line numbers, then the code. */
function numberedTable(code: Element): Element {
  const lines = toString(code).replace(/\n$/, '').split('\n').length;
  const numbers = Array.from({ length: lines }, (_, i) => `${i + 1}\n`).join('');
  return el(
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
}

/** The code's children without the line end that ends a fenced block's text (Jekyll's tag has none). */
function withoutLastLineEnd(code: Element): ElementContent[] {
  const last = code.children.at(-1);
  if (last?.type !== 'text' || !last.value.endsWith('\n')) return code.children;
  return [...code.children.slice(0, -1), { ...last, value: last.value.slice(0, -1) }];
}

export default function rehypeLineNumbers() {
  return (tree: Root): void => {
    walk<Element>(tree, (node, index, parent) => {
      if (node.type !== 'element') return undefined;
      // Jekyll's own `figure.highlight` around the code alone (the Liquid tag's, in an HTML document) is
      // replaced, not nested.
      const wrapper =
        (node.tagName === 'div' && hasClass(node, 'highlighter-rouge')) ||
        (node.tagName === 'figure' &&
          hasClass(node, 'highlight') &&
          node.children.filter((child) => child.type === 'element').length === 1) ||
        node.tagName === 'pre';
      if (!wrapper) return undefined;
      const marked = markedCode(node);
      if (!marked) return false;
      const { code, pre } = marked;
      const className = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
      const language = className.find((name) => name.startsWith('language-'))?.slice('language-'.length);
      const linenos = code.properties.dataLinenos !== undefined;
      const children = linenos ? [numberedTable(code)] : withoutLastLineEnd(code);
      const inner: Element = {
        type: 'element',
        tagName: 'code',
        properties: language ? { className: [`language-${language.replace(/\+/g, '-')}`], dataLang: language } : {},
        children,
      };
      // The highlighted tokens themselves, unchanged: their HTML is written once (see highlighted-html.ts).
      if (children === code.children && highlightedCode.has(code)) highlightedCode.add(inner);
      // The highlighter's own attributes stay on the `pre`: its class (the theme colours Prism's tokens
      // below `.prism`, Shiki's second theme below `.shiki`), style and `tabindex` (a block that scrolls
      // can be reached with the keyboard). kramdown's `highlight` class is not Jekyll's here.
      const { className: preClass, ...preProperties } = pre.properties;
      const kept = Array.isArray(preClass) ? preClass.filter((name) => name !== 'highlight') : [];
      const outer: Element = {
        type: 'element',
        tagName: 'pre',
        properties: kept.length > 0 ? { className: kept, ...preProperties } : preProperties,
        children: [inner],
      };
      parent.children[index] = el('figure', ['highlight'], [outer]);
      return false;
    });
  };
}
