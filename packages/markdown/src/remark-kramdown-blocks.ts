/**
 * Where kramdown's GFM parser reads block and span syntax differently from
 * CommonMark/GFM, on the tree the native parser made (with the source at
 * hand for what the tree does not record):
 *
 * - `1)` is not a list marker: such a list is paragraph text (joined to the
 *   paragraph line just before it);
 * - ordered lists always start at 1 (kramdown writes no `start`);
 * - bullets with different markers (`*`, `-`, `+`) on consecutive lines make
 *   one list;
 * - an item's text is a paragraph when a blank line follows it, item by
 *   item, rather than for the whole list (kramdown's rule for the last item);
 * - an ATX heading needs its `#` at the start of the line and some text; a
 *   setext heading's text is one line, else the underline is paragraph text;
 * - bare `www.`, `https://` and e-mail text is not a link; `~single~`
 *   tildes stay literal (only `~~` strikes);
 * - `***both***` is strong around emphasis;
 * - a link destination may hold spaces, `[notes](/files/my notes.txt)`;
 * - a fenced code block keeps the indentation of its lines when its fence
 *   is indented.
 */
import type { Code, Heading, List, Nodes, Text, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { reparser } from './reparse.js';
import { walk } from './walk.js';

/** A character that takes the place of `)` after a list number while the text is parsed again. */
const parenPlaceholder = '\uE000';

function startOffset(node: Nodes): number | undefined {
  return node.position?.start.offset ?? undefined;
}

function endOffset(node: Nodes): number | undefined {
  return node.position?.end.offset ?? undefined;
}

function isParenList(node: List, source: string): boolean {
  if (!node.ordered) return false;
  return node.children.some((item) => {
    const start = startOffset(item);
    if (start === undefined) return false;
    return /^\d+\)/.test(source.slice(start, start + 10));
  });
}

/** Reads an ordered list written with `1)` (and the paragraph line right before it) as paragraph text. */
function unlistParens(
  parser: (text: string, offset: number) => Root,
  parent: Parent,
  index: number,
  source: string,
): number | undefined {
  const list = parent.children[index] as List;
  const previous = parent.children[index - 1];
  const joined =
    previous?.type === 'paragraph' &&
    previous.position &&
    list.position &&
    previous.position.end.line === list.position.start.line - 1;
  const first = joined ? previous : list;
  const start = startOffset(first);
  const end = endOffset(list);
  if (start === undefined || end === undefined || !first.position) return undefined;
  const slice = source.slice(start, end).replace(/^([ \t]*\d+)\)/gm, `$1${parenPlaceholder}`);
  const tree = parser(slice, start);
  walk<Nodes>(tree, (node) => {
    if (node.type === 'text') node.value = node.value.replaceAll(parenPlaceholder, ')');
  });
  const from = joined ? index - 1 : index;
  parent.children.splice(from, index - from + 1, ...(tree.children as RootContent[]));
  return from + tree.children.length;
}

/** Whether a blank line separates a node from the next one. */
function blankBetween(first: Nodes, next: Nodes | undefined): boolean {
  if (!next || !first.position || !next.position) return false;
  return next.position.start.line > first.position.end.line + 1;
}

/** kramdown's rule: an item's first paragraph is bare text unless a blank line follows it. */
function setTightness(list: List): void {
  const items = list.children;
  const tight: boolean[] = [];
  items.forEach((item, i) => {
    const first = item.children[0];
    if (first?.type !== 'paragraph') {
      tight.push(true);
      return;
    }
    const after = item.children[1] ?? items[i + 1];
    let isTight = !blankBetween(first, after);
    if (i === items.length - 1) {
      isTight = !blankBetween(first, item.children[1]);
      if (items.length > 1) isTight &&= tight.some(Boolean);
    }
    tight.push(isTight);
  });
  if (tight.every(Boolean)) {
    list.spread = false;
    for (const item of items) item.spread = false;
    return;
  }
  list.spread = true;
  items.forEach((item, i) => {
    item.spread = !tight[i];
    const first = item.children[0];
    if (tight[i] && first?.type === 'paragraph') {
      // A bare paragraph: its text goes straight into the item.
      (item.children as unknown as PhrasingContent[]).splice(0, 1, ...first.children);
    }
  });
}

/** Joins bullet lists written with different markers on consecutive lines. */
function mergeBulletLists(parent: Parent, index: number): boolean {
  const list = parent.children[index] as List;
  const next = parent.children[index + 1];
  if (next?.type !== 'list' || list.ordered || next.ordered || !list.position || !next.position) return false;
  if (next.position.start.line !== list.position.end.line + 1) return false;
  list.children.push(...next.children);
  list.position.end = next.position.end;
  parent.children.splice(index + 1, 1);
  return true;
}

function headingToParagraph(heading: Heading, extra: string | undefined): Paragraph {
  const children = [...heading.children];
  if (extra !== undefined) children.push({ type: 'text', value: extra });
  return { type: 'paragraph', children, position: heading.position };
}

/** The paragraph kramdown reads where CommonMark reads a heading, or undefined when both read a heading. */
function notAHeading(heading: Heading, parent: Parent, source: string): Paragraph | undefined {
  const start = startOffset(heading);
  const end = endOffset(heading);
  if (start === undefined || end === undefined || !heading.position) return undefined;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  // An indented ATX heading (`   ## x`), at the top level.
  if (parent.type === 'root' && /^[ \t]+#/.test(source.slice(lineStart, end))) {
    const line = source.slice(lineStart, end);
    return { type: 'paragraph', children: [{ type: 'text', value: line.trim() }], position: heading.position };
  }
  const text = source.slice(start, end);
  if (text.startsWith('#')) {
    if (/^#+[ \t]*#*[ \t]*$/.test(text)) return headingToParagraph(heading, text.trim());
    return undefined;
  }
  // A setext heading whose text spans more than one line.
  const lines = text.split('\n');
  if (lines.length > 2 && /^[ \t]*(=+|-+)[ \t]*$/.test(lines.at(-1)!)) {
    return headingToParagraph(heading, `\n${lines.at(-1)!.trim()}`);
  }
  return undefined;
}

/** A link the parser made from bare text (GFM's autolink literals), which kramdown leaves as text. */
function isAutolinkLiteral(node: Nodes, source: string): boolean {
  if (node.type !== 'link' || node.children.length !== 1 || node.children[0]!.type !== 'text') return false;
  // An autolink literal's text is its URL, or the URL without the `http://` or `mailto:` the parser added.
  const text = node.children[0].value;
  if (node.url !== text && node.url !== `http://${text}` && node.url !== `mailto:${text}`) return false;
  const start = startOffset(node);
  if (start === undefined) return true;
  const first = source[start];
  return first !== '[' && first !== '<';
}

/** A `~single~` strikethrough, which kramdown leaves as typed. */
function isSingleTilde(node: Nodes, source: string): boolean {
  if (node.type !== 'delete') return false;
  const start = startOffset(node);
  return start !== undefined && source[start] === '~' && source[start + 1] !== '~';
}

/** `***x***`: CommonMark nests emphasis outside, kramdown strong outside. */
function swapStrongEmphasis(node: Nodes, source: string): void {
  if (node.type !== 'emphasis' || node.children.length !== 1 || node.children[0]!.type !== 'strong') return;
  const start = startOffset(node);
  if (start === undefined || !/^(\*\*\*|___)/.test(source.slice(start, start + 3))) return;
  const strong = node.children[0];
  (node as unknown as { type: string }).type = 'strong';
  (strong as unknown as { type: string }).type = 'emphasis';
}

const spacedLink = /\[([^[\]\n]+)\]\(([^()\s"'<>]+(?:[ ]+[^()\s"'<>]+)+)\)/g;

/** `[text](a destination with spaces)`, which CommonMark leaves as text, as a link. */
function spacedLinks(parent: Parent, index: number): number | undefined {
  const node = parent.children[index] as Text;
  if (!node.value.includes('](')) return undefined;
  const parts: RootContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(spacedLink)) {
    if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
    parts.push({ type: 'link', url: match[2]!, children: [{ type: 'text', value: match[1]! }] });
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return undefined;
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  parent.children.splice(index, 1, ...parts);
  return index + parts.length;
}

/** An indented fence: kramdown keeps its lines as typed, CommonMark takes the fence's indentation off them. */
function keepFenceIndentation(node: Code, parent: Parent, source: string): void {
  const start = startOffset(node);
  const end = endOffset(node);
  if (start === undefined || end === undefined || parent.type !== 'root' || !node.position) return;
  if (node.position.start.column === 1 && source[start] !== ' ') return;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const lines = source.slice(lineStart, end).split('\n');
  const fence = /^[ ]{1,3}(`{3,}|~{3,})/.exec(lines[0]!);
  if (!fence) return;
  const closed =
    lines.length > 1 && new RegExp(`^[ ]{0,3}${fence[1]![0]}{${fence[1]!.length},}[ \t]*$`).test(lines.at(-1)!);
  node.value = lines.slice(1, closed ? -1 : undefined).join('\n');
}

/** Joins neighbouring text nodes (left by unwrapped links and tildes), as kramdown reads them: one run of text. */
function joinTexts(parent: Parent): void {
  const children = parent.children as RootContent[];
  for (let i = 1; i < children.length; i++) {
    const previous = children[i - 1]!;
    const node = children[i]!;
    if (previous.type !== 'text' || node.type !== 'text') continue;
    previous.value += node.value;
    if (previous.position && node.position) previous.position.end = node.position.end;
    else delete previous.position;
    children.splice(i, 1);
    i--;
  }
}

export default function remarkKramdownBlocks(this: Processor) {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    const parser = reparser(this, file);
    const changed = new Set<Parent>();
    walk<Nodes>(tree, (node, index, up) => {
      const parent = up as Parent;
      if (node.type === 'list') {
        // In a quote the source lines carry its `>`, which parsing a slice again would misread.
        if (parent.type !== 'blockquote' && isParenList(node, source))
          return unlistParens(parser, parent, index, source);
        while (mergeBulletLists(parent, index));
        if (node.ordered) node.start = 1;
        setTightness(node);
        return undefined;
      }
      if (node.type === 'heading') {
        const paragraph = notAHeading(node, parent, source);
        if (paragraph) parent.children[index] = paragraph;
        return undefined;
      }
      swapStrongEmphasis(node, source);
      if (node.type === 'code') keepFenceIndentation(node, parent, source);
      if (node.type === 'text') return spacedLinks(parent, index);
      if (isAutolinkLiteral(node, source)) {
        changed.add(parent);
        parent.children.splice(index, 1, ...((node as Parent).children as RootContent[]));
        return index + 1;
      }
      if (isSingleTilde(node, source)) {
        const children = (node as Parent).children as RootContent[];
        changed.add(parent);
        parent.children.splice(index, 1, { type: 'text', value: '~' } as RootContent, ...children, {
          type: 'text',
          value: '~',
        } as RootContent);
        return index + children.length + 2;
      }
      return undefined;
    });
    for (const parent of changed) joinTexts(parent);
  };
}
