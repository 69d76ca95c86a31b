/**
 * The HTML of highlighted code, written once per line. rehype-stringify
 * writes each of the hundreds of token spans of a post's code through
 * hast-util-to-html's generic steps (attribute lookup, entity escaping), a
 * large part of the time a highlighted post takes. With one theme, Shiki's
 * line elements are shared by every block with that line (see `shiki-hast.ts`)
 * and never changed, so their HTML, written by hast-util-to-html itself, is
 * kept with them; Prism's blocks get their HTML as their tree is built
 * (`prism.ts`), with a tag per list of classes written here. `to-html.ts`
 * writes a highlighted code element's children from it (`childrenHtml`):
 * the same HTML, byte for byte.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { stringifyEntities } from 'stringify-entities';

/** The highlighted code elements whose children are kept and shared, never changed (see rehype-highlight.ts). */
export const highlightedCode = new WeakSet<Element>();

const written = new WeakMap<ElementContent, string>();

/** What hast-util-to-html escapes in text (its `text` handler's subset): the same array, so its expression is made once. */
const textSubset = ['<', '&'];

/** The opening tag of a span with these attributes, as hast-util-to-html writes it. */
function spanTag(properties: Properties): string {
  return toHtml({ type: 'element', tagName: 'span', properties, children: [] }).slice(0, -'</span>'.length);
}

/** The opening tag of a token span by its `style` (a few dozen per theme). */
const openingTags = new Map<string, string>();

function openingTag(style: string): string {
  let tag = openingTags.get(style);
  if (tag === undefined) openingTags.set(style, (tag = spanTag({ style })));
  return tag;
}

const lineTag = spanTag({ class: 'line' });

/**
 * A line as Shiki's tree has it (`span.line` of token spans, each with a `style` or none and one text) in
 * hast-util-to-html's own words: the tags it writes, the text escaped by the call it makes. Each token
 * skips its generic steps (handler dispatch, attribute lookup), the larger part of writing a line. Any
 * other element is `undefined`, for hast-util-to-html to write.
 */
function lineHtml(line: Element): string | undefined {
  const properties = Object.keys(line.properties);
  if (line.tagName !== 'span' || properties.length !== 1 || line.properties.class !== 'line') return undefined;
  let html = lineTag;
  for (const token of line.children) {
    if (token.type !== 'element' || token.tagName !== 'span' || token.children.length !== 1) return undefined;
    const text = token.children[0]!;
    const keys = Object.keys(token.properties);
    const style = token.properties.style;
    if (text.type !== 'text' || keys.length > 1 || (keys.length === 1 && typeof style !== 'string')) return undefined;
    html += `${style === undefined ? '<span>' : openingTag(style as string)}${textHtml(text.value)}</span>`;
  }
  return `${html}</span>`;
}

/** The opening tag of a span by its classes (Prism's token spans: a few dozen lists). */
const classTags = new Map<string, string>();
/** The same for the most common lists, `token` and a type, by the type: no key is made for them. */
const tokenTags = new Map<string, string>();

export function classTag(className: string[]): string {
  if (className.length === 2 && className[0] === 'token') {
    const type = className[1]!;
    let tag = tokenTags.get(type);
    if (tag === undefined) tokenTags.set(type, (tag = spanTag({ className })));
    return tag;
  }
  const key = className.join(' ');
  let tag = classTags.get(key);
  if (tag === undefined) classTags.set(key, (tag = spanTag({ className })));
  return tag;
}

/**
 * Text inside a `code` element, escaped as hast-util-to-html escapes it. Most tokens have neither character,
 * and stringify-entities gives those back as they are: they skip its call.
 */
export function textHtml(value: string): string {
  return value.includes('<') || value.includes('&') ? stringifyEntities(value, { subset: textSubset }) : value;
}

/** The HTML of each block's children, by their array: an excerpt repeats its post's first blocks. */
const writtenBlocks = new WeakMap<readonly ElementContent[], string>();

/** Keeps the HTML of a block's children, written as hast-util-to-html writes them inside the `code` element. */
export function keepChildrenHtml(children: readonly ElementContent[], html: string): void {
  writtenBlocks.set(children, html);
}

/**
 * The HTML of a highlighted code element's children, as hast-util-to-html writes them inside it: kept
 * for the block (Prism's, `keepChildrenHtml`), or written line by line. Shiki's lines are shared by many
 * blocks, so each keeps its own HTML; any other child is written by hast-util-to-html.
 */
export function childrenHtml(children: readonly ElementContent[]): string {
  let html = writtenBlocks.get(children);
  if (html !== undefined) return html;
  html = '';
  for (const child of children) {
    if (child.type === 'text' && child.value === '\n') {
      html += '\n';
      continue;
    }
    if (child.type !== 'element' || child.properties.class !== 'line') {
      // The parent is a `code` element: nothing of hast-util-to-html's output for a child depends on it.
      html += toHtml(child);
      continue;
    }
    let value = written.get(child);
    if (value === undefined) {
      value = lineHtml(child) ?? toHtml(child);
      written.set(child, value);
    }
    html += value;
  }
  writtenBlocks.set(children, html);
  return html;
}
