/**
 * `toHtmlFast` (`src/to-html.ts`) against hast-util-to-html on generated
 * trees: every kind of node, attributes of every kind in property-information
 * (booleans, overloaded booleans, space- and comma-separated lists, numbers,
 * `data-*`), values and text with each character either library escapes,
 * comments it rewrites, void elements with and without children, `script`
 * and `style` text, SVG, MathML and `template`, with raw HTML allowed and not.
 * The posts it writes are compared in highlighted-html.test.ts.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { toHtmlFast } from '../src/to-html.ts';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

const tags =
  'p a span div code pre em abbr table td img br hr input BR area script style svg path foreignObject math mi template video my-element'.split(
    ' ',
  );
const texts = [
  'plain',
  'a < b',
  'x & y',
  '"quoted"',
  "it's",
  'tick `x`',
  'nul \0 here',
  '&amp; kept',
  'é ✓ 🙂',
  '',
  ' ',
];
const comments = ['note', '-->x', 'a--!>b', '>start', '->start', 'end<!-', 'a <!-- b', 'fine - dash'];
const raws = ['<b>bold</b>', '&amp;', '<!-- raw -->', 'a < b'];

/** Property values of every shape hast allows, with characters the value escaping cares about. */
const values: Properties[string][] = [
  'text',
  '',
  'a"b',
  'a&b',
  "it's",
  'back`tick',
  'nul\0',
  '<tag>',
  0,
  1,
  Number.NaN,
  true,
  false,
  null,
  undefined,
  ['one', 'two'],
  ['', 'x'],
  [],
  [1, 2],
];
const keys =
  'className id href title download hidden checked tabIndex dataFoo data-bar ariaHidden style accept coords rel width viewBox strokeWidth xLinkHref onClick value open'.split(
    ' ',
  );

function properties(next: () => number): Properties {
  const result: Properties = {};
  const count = Math.floor(next() * 4);
  for (let n = 0; n < count; n++) {
    result[keys[Math.floor(next() * keys.length)]!] = values[Math.floor(next() * values.length)]!;
  }
  return result;
}

function child(next: () => number, depth: number): ElementContent {
  const pick = next();
  if (pick < 0.3 || depth > 4) return { type: 'text', value: texts[Math.floor(next() * texts.length)]! };
  if (pick < 0.38) return { type: 'comment', value: comments[Math.floor(next() * comments.length)]! };
  if (pick < 0.44) return { type: 'raw', value: raws[Math.floor(next() * raws.length)]! } as unknown as ElementContent;
  const tagName = tags[Math.floor(next() * tags.length)]!;
  const children = Array.from({ length: Math.floor(next() * 4) }, () => child(next, depth + 1));
  const node: Element = { type: 'element', tagName, properties: properties(next), children };
  if (tagName === 'template') {
    node.content = { type: 'root', children: [child(next, depth + 1)] } as Root as Element['content'];
  }
  return node;
}

function tree(seed: number): Root {
  const next = random(seed);
  const children: RootContent[] = Array.from({ length: 1 + Math.floor(next() * 5) }, () => child(next, 0));
  if (next() < 0.2) children.unshift({ type: 'doctype' });
  return { type: 'root', children };
}

test.each([true, false])('generated trees, raw HTML allowed: %s', (allowDangerousHtml) => {
  const kinds = new Set<string>();
  for (let seed = 1; seed <= 3000; seed++) {
    const root = tree(seed);
    const expected = toHtml(root, { allowDangerousHtml });
    expect(toHtmlFast(root, { allowDangerousHtml }), `seed ${seed}`).toBe(expected);
    for (const [found] of expected.matchAll(/&#x[\dA-F]+;|<!--|<!doctype|<svg|<math|<template|<br>/g)) kinds.add(found);
    if (expected.includes('=""')) kinds.add('=""');
  }
  // The trees reach what the libraries treat apart: escapes of each kind, comments, the doctype, other schemas,
  // attribute values and void elements.
  for (const kind of [
    '&#x3C;',
    '&#x26;',
    '&#x22;',
    '&#x27;',
    '&#x60;',
    '&#x0;',
    '<!--',
    '<!doctype',
    '<svg',
    '<math',
  ]) {
    expect(kinds).toContain(kind);
  }
  expect(kinds).toContain('<template');
  expect(kinds).toContain('=""');
  expect(kinds).toContain('<br>');
});

test('elements without properties or children are written as hast-util-to-html writes them', () => {
  const root = {
    type: 'root',
    children: [
      { type: 'element', tagName: 'p' },
      { type: 'element', tagName: 'img', properties: { alt: 'x' } },
      { type: 'element', tagName: 'span', children: [{ type: 'text', value: 'a & b' }] },
    ],
  } as unknown as Root;
  expect(toHtmlFast(root, { allowDangerousHtml: true })).toBe(toHtml(root, { allowDangerousHtml: true }));
  expect(toHtmlFast(root, { allowDangerousHtml: true })).toBe('<p></p><img alt="x"><span>a &#x26; b</span>');
});

test('a tree it has nothing to do with is refused as hast-util-to-html refuses it', () => {
  const root = { type: 'root', children: [{ type: 'unknown-node' }] } as unknown as Root;
  expect(() => toHtmlFast(root, { allowDangerousHtml: true })).toThrow(/unknown-node/);
});
