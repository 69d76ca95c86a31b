/**
 * A fast path for `hast-util-raw` on the raw HTML blog posts carry: inline
 * tags (`<kbd>`, `<abbr title>`), a `<div>` around Markdown, a `<figure>`.
 * `hast-util-raw` sends every node of the document through parse5 and builds
 * the tree anew, which cost a sixth of a post's rendering; here only the raw
 * strings are read, and the rest of the tree is kept as it is, or copied
 * where `hast-util-raw` would change it.
 *
 * It gives the tree `hast-util-raw` gives, node for node (positions
 * included), or nothing, and the caller runs `hast-util-raw`. It gives
 * nothing unless parse5 would keep the document's structure as it is: every
 * element is one this file knows (`flowTags`, `phrasingTags`), blocks are
 * never inside a paragraph, links never inside links, headings never inside
 * headings, list items and table parts only where their parents are, no
 * `pre` starts with a newline; raw HTML is tags, comments and text without
 * character references, each element closed in the same parent. Within
 * these bounds parse5 builds what the tokens say, and what remains of
 * `hast-util-raw` is copied: attributes round-tripped through parse5's form
 * (`data-x: true` comes back as `""`), adjacent texts merged, `data`
 * dropped, positions rebuilt the way parse5 tracks them. The tests compare
 * both on every fixture and on the benchmark corpus.
 */
import type { Comment, Element, ElementContent, Properties, Root, RootContent, Text } from 'hast';
import { toParse5 } from 'hast-util-to-parse5';
import { h } from 'hastscript';
import { find, html } from 'property-information';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

/** Elements that close an open `p` (parse5's "close a p element in button scope"), and others of the flow. */
const flowTags = new Set(
  'address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** Phrasing elements whose start and end tags parse5 takes as they come, when well nested. */
const phrasingTags = new Set(
  'a abbr b bdi br cite code data del dfn em i img input ins kbd mark q s samp small span strong sub sup time u var wbr'.split(
    ' ',
  ),
);
const voidTags = new Set(['br', 'hr', 'img', 'input', 'wbr']);
const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Where each table part and list item may be without parse5 adding or closing elements. */
const requiredParents: Record<string, ReadonlySet<string>> = {
  li: new Set(['ul', 'ol']),
  dd: new Set(['dl']),
  dt: new Set(['dl']),
  thead: new Set(['table']),
  tbody: new Set(['table']),
  tfoot: new Set(['table']),
  tr: new Set(['thead', 'tbody', 'tfoot']),
  td: new Set(['tr']),
  th: new Set(['tr']),
};
/** Elements whose children parse5 reads in a table mode: only the parts above and whitespace. */
const tableTags = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/** A location as parse5 keeps it: any field may be missing. */
interface Location {
  startLine: number | undefined;
  startCol: number | undefined;
  startOffset: number | undefined;
  endLine: number | undefined;
  endCol: number | undefined;
  endOffset: number | undefined;
}

/** A text before merging, with its parse5 location. */
interface PendingText {
  type: 'text';
  value: string;
  location: Location;
}

type Item = ElementContent | PendingText;

/** Thrown inside this module when the fast path does not apply. */
class Unsupported extends Error {}

function fail(): never {
  throw new Unsupported();
}

function locationOf(position: Position | undefined): Location {
  const start: Partial<Point> = position?.start ?? {};
  const end: Partial<Point> = position?.end ?? {};
  return {
    startLine: start.line,
    startCol: start.column,
    startOffset: start.offset,
    endLine: end.line,
    endCol: end.column,
    endOffset: end.offset,
  };
}

/** hast-util-from-parse5's position: points without a line or column are left out. */
function positionOf(location: Location): Position | undefined {
  const start =
    location.startLine && location.startCol
      ? { line: location.startLine, column: location.startCol, offset: location.startOffset }
      : undefined;
  const end =
    location.endLine && location.endCol
      ? { line: location.endLine, column: location.endCol, offset: location.endOffset }
      : undefined;
  return start || end ? ({ start, end } as Position) : undefined;
}

/** Per property name: its schema entry, when parse5's attribute for it comes back as the same name. */
const stableCache = new Map<string, ReturnType<typeof find> | false>();

/** Whether a property comes back from parse5's attributes (and `hastscript`) as it is. */
function stable(key: string, value: unknown): boolean {
  let info = stableCache.get(key);
  if (info === undefined) {
    const found = find(html, key);
    info = key !== 'type' && key !== 'children' && find(html, found.attribute).property === key && found;
    stableCache.set(key, info);
  }
  if (!info) return false;
  if (typeof value === 'string') {
    return !(
      info.spaceSeparated ||
      info.commaSeparated ||
      info.commaOrSpaceSeparated ||
      info.number ||
      info.boolean ||
      info.overloadedBoolean
    );
  }
  if (value === true) return info.boolean || info.overloadedBoolean;
  if (typeof value === 'number') {
    return info.number && !info.boolean && Number.isFinite(value) && !Object.is(value, -0);
  }
  if (Array.isArray(value)) {
    return (
      info.spaceSeparated &&
      !info.number &&
      !info.boolean &&
      value.every((item) => typeof item === 'string' && /^[^\s]+$/.test(item))
    );
  }
  return false;
}

/** An element as hast-util-from-parse5 makes it from the attributes parse5 was given. */
function rebuild(tagName: string, attributes: Record<string, string>, children: ElementContent[]): Element {
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (!Object.hasOwn(Object.prototype, name)) properties[name] = value;
  }
  return h(tagName, properties, children);
}

function copyProperties(node: Element): Properties | undefined {
  const properties: Properties = {};
  for (const key in node.properties) {
    const value = node.properties[key];
    if (!stable(key, value)) return undefined;
    properties[key] = Array.isArray(value) ? [...value] : value;
  }
  return properties;
}

/** A position as hast-util-from-parse5 would make it again: both points, each with a line and column. */
function keptPosition(position: Position | undefined): boolean {
  return (
    position === undefined ||
    (position.start !== undefined &&
      position.end !== undefined &&
      position.start.line > 0 &&
      position.start.column > 0 &&
      position.end.line > 0 &&
      position.end.column > 0)
  );
}

/**
 * Whether `hast-util-raw` would give back this element as it is: no raw HTML inside, no `data`, stable
 * properties, no adjacent or empty texts. Such a subtree is kept, not copied: most of a post is.
 */
function kept(node: Element): boolean {
  if (node.data !== undefined || !keptPosition(node.position)) return false;
  if (!flowTags.has(node.tagName) && !phrasingTags.has(node.tagName)) return false;
  for (const key in node.properties) if (!stable(key, node.properties[key])) return false;
  let text = false;
  for (const child of node.children) {
    if (child.data !== undefined || !keptPosition(child.position)) return false;
    if (child.type === 'text') {
      if (text || child.value === '' || child.value.includes('\0')) return false;
      text = true;
      continue;
    }
    text = false;
    if (child.type === 'element' ? !kept(child) : child.type !== 'comment') return false;
  }
  return true;
}

function element(node: Element): Element {
  const tagName = node.tagName;
  if (!flowTags.has(tagName) && !phrasingTags.has(tagName)) fail();
  if (kept(node)) return node;
  const children = convertChildren(node.children);
  let result: Element;
  const properties = copyProperties(node);
  if (properties) {
    result = { type: 'element', tagName, properties, children };
  } else {
    const attributes: Record<string, string> = {};
    const parse5 = toParse5({ ...node, children: [] }, { space: 'html' }) as {
      attrs: { name: string; value: string; prefix?: string }[];
    };
    for (const attribute of parse5.attrs) {
      attributes[(attribute.prefix ? `${attribute.prefix}:` : '') + attribute.name] = attribute.value;
    }
    result = rebuild(tagName, attributes, children);
  }
  const position = positionOf(locationOf(node.position));
  if (position) result.position = position;
  return result;
}

/** A tag, comment or text of a raw string, at `start` to `end` of it. */
type Token =
  | { kind: 'start'; tagName: string; attributes: Record<string, string>; start: number; end: number }
  | { kind: 'end'; tagName: string; start: number; end: number }
  | { kind: 'comment'; value: string; start: number; end: number }
  | { kind: 'text'; value: string; start: number; end: number };

const whitespace = '[\\t\\n\\f ]';
/** An attribute: a name, then a value in double or single quotes, or unquoted, or none; `(` is `(?:` unless `capture`. */
function attributeSource(capture: boolean): string {
  const group = capture ? '(' : '(?:';
  return `${whitespace}+${group}[A-Za-z_:][-A-Za-z0-9_:.]*)(?:${whitespace}*=${whitespace}*(?:"${group}[^"&<]*)"|'${group}[^'&<]*)'|${group}[^\\t\\n\\f "'=<>\`&]+)))?`;
}
const startTag = new RegExp(`<([A-Za-z][A-Za-z0-9]*)((?:${attributeSource(false)})*)${whitespace}*(/?)>`, 'y');
const attribute = new RegExp(attributeSource(true), 'g');
const endTag = new RegExp(`</([A-Za-z][A-Za-z0-9]*)${whitespace}*>`, 'y');

/** The tokens of a raw string, or a failure for anything parse5 might read otherwise. */
function tokenize(value: string): Token[] {
  if (!value.startsWith('<') || !value.endsWith('>') || /[&\0\r]/.test(value)) fail();
  const tokens: Token[] = [];
  let index = 0;
  while (index < value.length) {
    if (value[index] !== '<') {
      const next = value.indexOf('<', index);
      tokens.push({ kind: 'text', value: value.slice(index, next), start: index, end: next });
      index = next;
      continue;
    }
    if (value.startsWith('<!--', index)) {
      const close = value.indexOf('-->', index + 4);
      if (close === -1) fail();
      const text = value.slice(index + 4, close);
      if (text.includes('-') || text.includes('<') || text.startsWith('>')) fail();
      tokens.push({ kind: 'comment', value: text, start: index, end: close + 3 });
      index = close + 3;
      continue;
    }
    startTag.lastIndex = index;
    const open = startTag.exec(value);
    if (open) {
      const tagName = open[1]!.toLowerCase();
      if (open[3] && !voidTags.has(tagName)) fail();
      const attributes: Record<string, string> = {};
      for (const match of open[2]!.matchAll(attribute)) {
        const name = match[1]!.toLowerCase();
        if (Object.hasOwn(attributes, name)) fail();
        attributes[name] = match[2] ?? match[3] ?? match[4] ?? '';
      }
      tokens.push({ kind: 'start', tagName, attributes, start: index, end: startTag.lastIndex });
      index = startTag.lastIndex;
      continue;
    }
    endTag.lastIndex = index;
    const close = endTag.exec(value);
    if (!close) fail();
    tokens.push({ kind: 'end', tagName: close[1]!.toLowerCase(), start: index, end: endTag.lastIndex });
    index = endTag.lastIndex;
  }
  return tokens;
}

/** Points of a raw string, as parse5 counts them from where the string starts. */
function pointsOf(value: string, start: Point): (index: number) => { line: number; column: number; offset: number } {
  const lineStarts = [0];
  for (let index = value.indexOf('\n'); index !== -1; index = value.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  return (index) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= index) line++;
    return {
      line: start.line + line,
      column: line === 0 ? start.column + index : index - lineStarts[line]! + 1,
      offset: start.offset! + index,
    };
  };
}

function span(
  from: { line: number; column: number; offset: number },
  to: { line: number; column: number; offset: number },
): Location {
  return {
    startLine: from.line,
    startCol: from.column,
    startOffset: from.offset,
    endLine: to.line,
    endCol: to.column,
    endOffset: to.offset,
  };
}

interface Frame {
  tagName: string;
  attributes: Record<string, string>;
  location: Location;
  items: Item[];
}

/** The children of a node, raw strings parsed, texts merged as parse5 merges them. */
function convertChildren(children: readonly (RootContent | { type: 'raw'; value: string; position?: Position })[]) {
  const stack: Frame[] = [{ tagName: '', attributes: {}, location: locationOf(undefined), items: [] }];
  for (const child of children) {
    const items = stack.at(-1)!.items;
    if (child.type === 'element') items.push(element(child));
    else if (child.type === 'text') {
      if (child.value.includes('\0')) fail();
      items.push({ type: 'text', value: child.value, location: locationOf(child.position) });
    } else if (child.type === 'comment') {
      const comment: Comment = { type: 'comment', value: child.value };
      const position = positionOf(locationOf(child.position));
      if (position) comment.position = position;
      items.push(comment);
    } else if (child.type === 'raw') {
      const start = child.position?.start;
      if (start?.offset === undefined) fail();
      const point = pointsOf(child.value, start);
      for (const token of tokenize(child.value)) {
        const location = span(point(token.start), point(token.end));
        const current = stack.at(-1)!;
        if (token.kind === 'text') current.items.push({ type: 'text', value: token.value, location });
        else if (token.kind === 'comment') {
          current.items.push({ type: 'comment', value: token.value, position: positionOf(location)! });
        } else if (token.kind === 'start') {
          if (!flowTags.has(token.tagName) && !phrasingTags.has(token.tagName)) fail();
          if (voidTags.has(token.tagName)) {
            const node = rebuild(token.tagName, token.attributes, []);
            node.position = positionOf(location)!;
            current.items.push(node);
          } else {
            stack.push({ tagName: token.tagName, attributes: token.attributes, location, items: [] });
          }
        } else {
          if (stack.length === 1 || current.tagName !== token.tagName) fail();
          stack.pop();
          const node = rebuild(current.tagName, current.attributes, merge(current.items));
          node.position = positionOf({ ...current.location, ...endOf(location) })!;
          stack.at(-1)!.items.push(node);
        }
      }
    } else fail();
  }
  if (stack.length !== 1) fail();
  return merge(stack[0]!.items);
}

function endOf(location: Location): Pick<Location, 'endLine' | 'endCol' | 'endOffset'> {
  return { endLine: location.endLine, endCol: location.endCol, endOffset: location.endOffset };
}

/** Adjacent texts as one, its location from the first to the last; empty texts are no tokens, so gone. */
function merge(items: Item[]): ElementContent[] {
  const result: ElementContent[] = [];
  let text: PendingText | undefined;
  const flush = () => {
    if (!text) return;
    const node: Text = { type: 'text', value: text.value };
    const position = positionOf(text.location);
    if (position) node.position = position;
    result.push(node);
    text = undefined;
  };
  for (const item of items) {
    if (item.type === 'text' && 'location' in item) {
      if (item.value === '') continue;
      if (text)
        text = {
          type: 'text',
          value: text.value + item.value,
          location: { ...text.location, ...endOf(item.location) },
        };
      else text = { ...item, location: { ...item.location } };
    } else {
      flush();
      result.push(item);
    }
  }
  flush();
  return result;
}

/** Whether parse5 keeps this structure: see the overview. */
function valid(
  nodes: readonly ElementContent[],
  parent: string,
  inP: boolean,
  inA: boolean,
  inHeading: boolean,
): boolean {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type === 'text') {
      if (tableTags.has(parent) && !/^[\t\n\f\r ]*$/.test(node.value)) return false;
      if (parent === 'pre' && index === 0 && node.value.startsWith('\n')) return false;
      continue;
    }
    if (node.type !== 'element') {
      if (tableTags.has(parent)) return false;
      continue;
    }
    const tag = node.tagName;
    const parents = requiredParents[tag];
    if (parents ? !parents.has(parent) : tableTags.has(parent)) return false;
    if (flowTags.has(tag) && inP) return false;
    if (tag === 'a' && inA) return false;
    if (headingTags.has(tag) && inHeading) return false;
    if (!valid(node.children, tag, inP || tag === 'p', inA || tag === 'a', inHeading || headingTags.has(tag))) {
      return false;
    }
  }
  return true;
}

/**
 * What `raw(tree, { file })` of `hast-util-raw` gives, when this fast path applies; otherwise `undefined`.
 *
 * @param tree A root from remark-rehype with `allowDangerousHtml`; it is not changed.
 * @param file The file the tree is of, for the root's position.
 */
export function rawFragments(tree: Root, file: VFile): Root | undefined {
  let children: ElementContent[];
  try {
    children = convertChildren(tree.children);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  if (!valid(children, '', false, false, false)) return undefined;
  const root: Root = { type: 'root', children, data: { quirksMode: false } };
  if (hasPosition(children)) {
    const document = String(file);
    const lastLine = document.lastIndexOf('\n');
    let lines = 1;
    for (let index = document.indexOf('\n'); index !== -1; index = document.indexOf('\n', index + 1)) lines++;
    root.position = {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lines, column: document.length - lastLine, offset: document.length },
    };
  }
  return root;
}

function hasPosition(nodes: readonly ElementContent[]): boolean {
  return nodes.some((node) => node.position !== undefined || ('children' in node && hasPosition(node.children)));
}
