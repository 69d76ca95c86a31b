/**
 * The HTML of a rendered post: hast-util-to-html with rehype-stringify's
 * settings (`allowDangerousHtml` or not, nothing else), in fewer steps.
 * Writing the tree was a sixth of a highlighted post's rendering, spent less
 * on the HTML itself than on the library's generic steps for every node: a
 * handler looked up by type, an options object made for each text and each
 * attribute, the attribute's schema entry found again for every element,
 * `stringify-entities` called on text that holds nothing to escape.
 *
 * Here each element and text is written as `hast-util-to-html` writes it in
 * the HTML space: its tags, its attributes (the schema entry and the escaped
 * name kept per property name), its text escaped by the same
 * `stringify-entities` call, made only when the text holds a character that
 * call escapes. Highlighted code is written from the HTML its engine kept
 * (`highlighted-html.ts`). Whatever this file does not write the same way
 * for sure is given to `hast-util-to-html` itself, subtree by subtree: SVG
 * (which it writes in SVG's schema), MathML, `template` (its `content`),
 * elements with a comma-separated list, comments it escapes, and nodes other
 * than elements, text, raw HTML and comments (a doctype). The tests compare
 * both on every fixture, the benchmark corpus and generated trees.
 */
import type { Comment, Element, ElementContent, Properties, Root, RootContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlVoidElements } from 'html-void-elements';
import { find, html } from 'property-information';
import { stringify as spaces } from 'space-separated-tokens';
import { stringifyEntities } from 'stringify-entities';
import { childrenHtml, highlightedCode, textHtml } from './highlighted-html.js';
import type { Raw } from './walk.js';

/** What rehype-stringify passes on: raw HTML written as it is, or escaped as text (sanitized posts). */
export interface ToHtmlOptions {
  allowDangerousHtml: boolean;
}

/** hast-util-to-html's subsets for attributes (the same arrays for each call), in the HTML space, with no parse errors. */
const nameSubset = '\0\t\n\f\r "&\'/<=>`'.split('');
const valueSubset = '\0"&\'`'.split('');
/** A character that the value's call escapes; one that makes a comment's text be escaped. */
const valueEscapes = /[\0"&'`]/;
const commentEscapes = /^>|^->|<!--|-->|--!>|<!-$/;

const voids = new Set(htmlVoidElements);

/** What an attribute needs of its schema entry, per property name. */
interface Attribute {
  /** Its name as written (escaped). */
  name: string;
  boolean: boolean;
  overloadedBoolean: boolean;
  commaSeparated: boolean;
  /** The name as `hast-util-to-html` compares values with it (unescaped). */
  attribute: string;
}

const attributeCache = new Map<string, Attribute>();

function attributeOf(key: string): Attribute {
  let found = attributeCache.get(key);
  if (found === undefined) {
    const info = find(html, key);
    found = {
      name: stringifyEntities(info.attribute, { subset: nameSubset }),
      boolean: info.boolean,
      overloadedBoolean: info.overloadedBoolean,
      commaSeparated: info.commaSeparated,
      attribute: info.attribute,
    };
    attributeCache.set(key, found);
  }
  return found;
}

/** Thrown when an element has what this file leaves to the library: its subtree is written by it. */
const unsupported = Symbol('left to hast-util-to-html');

/** `serializeAttribute` of hast-util-to-html with its default settings, for the HTML space. */
function attributeHtml(key: string, given: unknown): string {
  const info = attributeOf(key);
  let value = given;
  if (info.overloadedBoolean && (value === info.attribute || value === '')) {
    value = true;
  } else if (
    (info.boolean || info.overloadedBoolean) &&
    (typeof value !== 'string' || value === info.attribute || value === '')
  ) {
    value = Boolean(value);
  }
  if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value))) {
    return '';
  }
  if (value === true) return info.name;
  let text: string;
  if (Array.isArray(value)) {
    if (info.commaSeparated) throw unsupported;
    text = spaces(value as string[]);
  } else {
    text = String(value);
  }
  const escaped = valueEscapes.test(text) ? stringifyEntities(text, { subset: valueSubset, attribute: true }) : text;
  return `${info.name}="${escaped}"`;
}

function attributesHtml(properties: Properties): string {
  let result = '';
  for (const key in properties) {
    const value = properties[key];
    if (value === null || value === undefined) continue;
    const written = attributeHtml(key, value);
    if (written) result += result ? ` ${written}` : written;
  }
  return result;
}

/** Text as hast-util-to-html writes it: as it is in `script` and `style`, else with `<` and `&` escaped. */
function textOf(node: Text | Raw, parent: Element | Root): string {
  if (parent.type === 'element' && (parent.tagName === 'script' || parent.tagName === 'style')) return node.value;
  return textHtml(node.value);
}

function commentHtml(node: Comment, options: ToHtmlOptions): string {
  return commentEscapes.test(node.value) ? toHtml(node, options) : `<!--${node.value}-->`;
}

function elementHtml(node: Element, options: ToHtmlOptions): string {
  const tag = node.tagName;
  if (tag === 'svg' || tag === 'math' || tag === 'template') return toHtml(node, options);
  let attributes: string;
  try {
    attributes = attributesHtml(node.properties);
  } catch (error) {
    if (error !== unsupported) throw error;
    return toHtml(node, options);
  }
  const open = attributes ? `<${tag} ${attributes}>` : `<${tag}>`;
  if (highlightedCode.has(node)) return `${open}${childrenHtml(node.children)}</${tag}>`;
  const content = childrenOf(node, options);
  // A void element with children is written as any other (hast-util-to-html's rule).
  if (!content && voids.has(tag.toLowerCase())) return open;
  return `${open}${content}</${tag}>`;
}

function nodeHtml(node: RootContent | ElementContent, parent: Element | Root, options: ToHtmlOptions): string {
  switch (node.type) {
    case 'element':
      return elementHtml(node, options);
    case 'text':
      return textOf(node, parent);
    case 'raw':
      return options.allowDangerousHtml ? (node as Raw).value : textOf(node as Raw, parent);
    case 'comment':
      return commentHtml(node, options);
    default:
      return toHtml(node, options);
  }
}

function childrenOf(parent: Element | Root, options: ToHtmlOptions): string {
  let result = '';
  // A node without `children` has none, for hast-util-to-html as here.
  for (const child of parent.children ?? []) result += nodeHtml(child, parent, options);
  return result;
}

/**
 * The HTML `rehype-stringify` writes for a tree with these settings, byte for byte; highlighted code from
 * its kept HTML.
 */
export function toHtmlFast(tree: Root, options: ToHtmlOptions): string {
  return childrenOf(tree, options);
}
