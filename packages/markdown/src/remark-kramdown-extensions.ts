/**
 * kramdown's own syntax that CommonMark reads as plain paragraphs:
 *
 * - abbreviations, `*[HTML]: HyperText Markup Language`: the line goes, and
 *   every `HTML` in the text becomes `<abbr title="…">HTML</abbr>`;
 * - definition lists, a term line then `: definition` (a blank line before
 *   the definition makes it a paragraph);
 * - `{::comment}…{:/comment}` (an HTML comment) and
 *   `{::nomarkdown}…{:/nomarkdown}` (kept as typed), as blocks and in text,
 *   also closed by `{:/}`;
 * - the table of contents, a one-item list `* TOC` with `{:toc}`: a
 *   placeholder that `rehypeKramdownToc` fills once headings have ids;
 * - `{::options key="value" /}`: `auto_ids` is honoured (in
 *   `file.data.kramdownOptions`); any other option is ignored, with a message.
 */
import type { Html, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { elementNode as element } from './mdast-to-hast.js';
import { placeOf, reparser } from './reparse.js';
import { walk } from './walk.js';

const abbreviationLine = /^\*\[([^\]\n]+)\]:[ \t]*(.*)$/;
const extensionStart = /\{::(comment|nomarkdown)\}/;
const optionsLine = /^\{::options((?:\s+[\w-]+=(?:"[^"]*"|'[^']*'))*)\s*\/\}$/;
const supportedOptions = new Set(['auto_ids']);

type Parse = (text: string, offset: number) => Root;

function offsets(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

function htmlNode(value: string, source: string, start: number, end: number): Html {
  return { type: 'html', value, position: { start: placeOf(source, start), end: placeOf(source, end) } };
}

/** The content of an extension, from `{::name}` at `start` to `{:/name}` or `{:/}`. */
function findExtension(source: string, start: number): { name: string; inner: string; end: number } | undefined {
  const open = /^\{::(comment|nomarkdown)\}/.exec(source.slice(start));
  if (!open) return undefined;
  const name = open[1]!;
  const close = new RegExp(`\\{:/(?:${name})?\\}`, 'g');
  close.lastIndex = start + open[0].length;
  const match = close.exec(source);
  if (!match) return undefined;
  return { name, inner: source.slice(start + open[0].length, match.index), end: match.index + match[0].length };
}

function extensionOutput(name: string, inner: string, block: boolean): string {
  if (name === 'comment') return `<!-- ${block ? inner.trim() : inner.trim()} -->`;
  return block ? inner.replace(/^\n/, '').replace(/\n$/, '') : inner;
}

/** `{::comment}` and `{::nomarkdown}` at the start of a block: every sibling up to the end marker. */
function blockExtension(parent: Parent, index: number, source: string): number | undefined {
  const node = parent.children[index] as Nodes;
  const range = offsets(node);
  if (!range || node.type !== 'paragraph') return undefined;
  const found = findExtension(source, range[0]);
  if (!found) return undefined;
  let last = index;
  while (
    last + 1 < parent.children.length &&
    (parent.children[last + 1]!.position?.start.offset ?? Infinity) < found.end
  ) {
    last++;
  }
  const output = htmlNode(extensionOutput(found.name, found.inner, true), source, range[0], found.end);
  parent.children.splice(index, last - index + 1, output as RootContent);
  return index + 1;
}

/** `{::comment}` and `{::nomarkdown}` inside a paragraph, whatever markup the parser saw between the markers. */
function inlineExtensions(paragraph: Paragraph, source: string): void {
  const children = paragraph.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'text') continue;
    const match = extensionStart.exec(child.value);
    const range = offsets(child);
    if (!match || !range) continue;
    const start = source.indexOf(match[0], range[0]);
    const found = start === -1 ? undefined : findExtension(source, start);
    if (!found) continue;
    let last = i;
    while (last + 1 < children.length && (offsets(children[last + 1]!)?.[1] ?? Infinity) <= found.end) last++;
    const lastNode = children[last]!;
    const lastRange = offsets(lastNode);
    const before: Text = { type: 'text', value: child.value.slice(0, match.index) };
    const afterText = lastRange && lastRange[1] > found.end ? source.slice(found.end, lastRange[1]) : '';
    const replacement: PhrasingContent[] = [];
    if (before.value) replacement.push(before);
    replacement.push(htmlNode(extensionOutput(found.name, found.inner, false), source, start, found.end));
    if (afterText) {
      replacement.push({
        type: 'text',
        value: afterText,
        position: { start: placeOf(source, found.end), end: placeOf(source, lastRange![1]) },
      });
    }
    children.splice(i, last - i + 1, ...replacement);
  }
}

/** Reads the abbreviation definitions, removing their lines. */
function collectAbbreviations(tree: Root): Map<string, string> {
  const abbreviations = new Map<string, string>();
  walk<Nodes>(tree, (node, index, up) => {
    const parent = up as Parent;
    if (node.type !== 'paragraph') return undefined;
    const text = node.children.map((child) => (child.type === 'text' ? child.value : '\u0000')).join('');
    const lines = text.split('\n');
    if (!lines.every((line) => abbreviationLine.test(line))) return false;
    for (const line of lines) {
      const [, name, title] = abbreviationLine.exec(line)!;
      abbreviations.set(name!.trim(), title!.trim());
    }
    parent.children.splice(index, 1);
    return index;
  });
  return abbreviations;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function applyAbbreviations(tree: Root, abbreviations: Map<string, string>): void {
  if (abbreviations.size === 0) return;
  const names = [...abbreviations.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${names.join('|')})(?![A-Za-z0-9])`, 'g');
  walk<Nodes>(tree, (node, index, up) => {
    const parent = up as Parent;
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return false;
    if (node.type !== 'text') return undefined;
    const parts: RootContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(pattern)) {
      if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
      parts.push(
        element('abbreviation', 'abbr', [{ type: 'text', value: match[0] }], { title: abbreviations.get(match[0]) }),
      );
      last = match.index + match[0].length;
    }
    if (parts.length === 0) return undefined;
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    parent.children.splice(index, 1, ...parts);
    return index + parts.length;
  });
}

/** The phrasing content of one line of the source, parsed again. */
function inline(parse: Parse, text: string, offset: number): RootContent[] {
  const tree = parse(text, offset);
  const first = tree.children[0];
  return first?.type === 'paragraph' ? first.children : (tree.children as RootContent[]);
}

/** A paragraph of `term` lines then `: definition` lines, as a definition list; undefined when it is not one. */
function definitionList(paragraph: Paragraph, source: string, parse: Parse): RootContent | undefined {
  const range = offsets(paragraph);
  if (!range) return undefined;
  const text = source.slice(range[0], range[1]);
  const lines = text.split('\n');
  const firstDefinition = lines.findIndex((line) => /^:[ \t]/.test(line));
  if (firstDefinition < 1 || !lines.slice(firstDefinition).every((line) => /^:[ \t]/.test(line))) return undefined;
  const children: unknown[] = [];
  let offset = range[0];
  lines.forEach((line, i) => {
    if (i < firstDefinition) {
      children.push(element('definitionTerm', 'dt', inline(parse, line, offset)));
    } else {
      const content = line.replace(/^:[ \t]+/, '');
      children.push(
        element('definitionDescription', 'dd', inline(parse, content, offset + line.length - content.length)),
      );
    }
    offset += line.length + 1;
  });
  return element('definitionList', 'dl', children);
}

/** `term`, a blank line, then `: definition`: a definition whose text is a paragraph. */
function looseDefinition(parent: Parent, index: number, source: string, parse: Parse): boolean {
  const node = parent.children[index]!;
  const previous = parent.children[index - 1];
  const range = offsets(node);
  if (node.type !== 'paragraph' || !range || !/^:[ \t]/.test(source.slice(range[0], range[0] + 2))) return false;
  const content = source.slice(range[0], range[1]).replace(/^:[ \t]+/, '');
  const description = element('definitionDescription', 'dd', parse(content, range[1] - content.length).children);
  const list = previous as unknown as { type: string; children: unknown[] } | undefined;
  if (list?.type === 'definitionList') {
    list.children.push(description);
    parent.children.splice(index, 1);
    return true;
  }
  const termRange = previous && offsets(previous);
  if (previous?.type !== 'paragraph' || !termRange) return false;
  const terms = source
    .slice(termRange[0], termRange[1])
    .split('\n')
    .map((line) => element('definitionTerm', 'dt', [{ type: 'text', value: line.trim() }]));
  parent.children.splice(index - 1, 2, element('definitionList', 'dl', [...terms, description]));
  return true;
}

/** A one-item list `* TOC` followed by `{:toc}`: the table of contents' place. */
function isTocList(node: Nodes): boolean {
  if (node.type !== 'list' || node.children.length !== 1) return false;
  const paragraph = node.children[0]!.children[0];
  if (paragraph?.type !== 'paragraph' || paragraph.children.length !== 1) return false;
  const text = paragraph.children[0]!;
  return text.type === 'text' && /^TOC\n\{:\s*toc\s*\}$/.test(text.value.trim());
}

export default function remarkKramdownExtensions(this: Processor) {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    if (!/\{::|\*\[|\n:[ \t]|\{:\s*toc|^:[ \t]/.test(source)) return;
    const parse = reparser(this, file);
    const abbreviations = source.includes('*[') ? collectAbbreviations(tree) : new Map<string, string>();
    walk<Nodes>(tree, (node, index, up) => {
      const parent = up as Parent;
      if (node.type === 'code' || node.type === 'html') return false;
      if (isTocList(node)) {
        const list = node as unknown as { ordered: boolean };
        parent.children[index] = element('kramdownToc', list.ordered ? 'ol' : 'ul', [], {
          id: 'markdown-toc',
          dataKramdownToc: '',
        });
        return index + 1;
      }
      if (node.type !== 'paragraph') return undefined;
      const only = node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0].value : '';
      const options = optionsLine.exec(only.trim());
      if (options) {
        const set = (file.data.kramdownOptions ??= {});
        for (const [, key, double, single] of options[1]!.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)')/g)) {
          if (supportedOptions.has(key!)) set[key!] = double ?? single ?? '';
          else file.message(`The kramdown option \`${key}\` is not supported here; it is ignored`, node);
        }
        parent.children.splice(index, 1);
        return index;
      }
      const blockEnd = blockExtension(parent, index, source);
      if (blockEnd !== undefined) return blockEnd;
      inlineExtensions(node, source);
      const list = definitionList(node, source, parse);
      if (list) {
        const previous = parent.children[index - 1] as unknown as { type: string; children: unknown[] } | undefined;
        if (previous?.type === 'definitionList') {
          previous.children.push(...(list as unknown as { children: unknown[] }).children);
          parent.children.splice(index, 1);
          return index;
        }
        parent.children[index] = list;
        return index + 1;
      }
      if (looseDefinition(parent, index, source, parse)) return index;
      return false;
    });
    applyAbbreviations(tree, abbreviations);
  };
}
