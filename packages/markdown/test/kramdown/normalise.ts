/**
 * The reader-visible view of an HTML document, used to compare our output
 * with kramdown's: block structure (one line per block element, indented by
 * depth), the text of each block after typography (whitespace folded), inline
 * markup, links and their targets, images with source and alt text, heading
 * levels and ids, abbreviation titles, ids (footnote anchors) and the text of
 * code blocks. What a reader cannot see is left out: classes and styling
 * attributes, comments, whitespace between blocks, and the markup of syntax
 * highlighting (Rouge and Shiki colour code differently by design).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

const blockTags = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'iframe',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'script',
  'section',
  'style',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'video',
]);

/** Attributes a reader sees or follows, per element; `id` everywhere (anchors). */
const visibleAttributes: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'alt'],
  abbr: ['title'],
  iframe: ['src'],
  video: ['src'],
  ol: ['start'],
  th: ['align', 'style'],
  td: ['align', 'style'],
  input: ['type', 'checked'],
};

function attributes(node: Element): string {
  const names = ['id', ...(visibleAttributes[node.tagName] ?? [])];
  const parts: string[] = [];
  for (const name of names) {
    const value = node.properties[name === 'style' ? 'style' : name];
    if (value === undefined || value === null || value === false) continue;
    let text = Array.isArray(value) ? value.join(' ') : String(value);
    // `style="text-align: left"` (kramdown) and `align="left"` (GFM) say the same.
    if (name === 'style') {
      const align = /text-align:\s*(\w+)/.exec(text);
      if (!align) continue;
      parts.push(`align=${JSON.stringify(align[1])}`);
      continue;
    }
    if (name === 'href' || name === 'src') text = decodeURI(text);
    parts.push(`${name}=${JSON.stringify(text)}`);
  }
  return parts.length > 0 ? ` ${[...new Set(parts)].sort().join(' ')}` : '';
}

/** A wrapper that only carries highlighting (Rouge's `div.highlighter-rouge > div.highlight`). */
function isHighlightWrapper(node: Element): boolean {
  if (node.tagName !== 'div') return false;
  const className = node.properties.className;
  const classes = Array.isArray(className) ? className.map(String) : [];
  return classes.includes('highlighter-rouge') || classes.includes('highlight');
}

class Writer {
  lines: string[] = [];
  private buffer = '';
  private depth = 0;

  text(value: string): void {
    this.buffer += value;
  }

  flush(): void {
    const text = this.buffer.replace(/\s+/g, ' ').trim();
    if (text !== '') this.lines.push(`${'  '.repeat(this.depth)}${text}`);
    this.buffer = '';
  }

  open(line: string): void {
    this.flush();
    this.lines.push(`${'  '.repeat(this.depth)}${line}`);
    this.depth++;
  }

  /** A line of its own, one level in. */
  line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }

  close(): void {
    this.flush();
    this.depth--;
  }
}

function visit(node: RootContent | ElementContent, out: Writer): void {
  if (node.type === 'text') {
    out.text(node.value);
    return;
  }
  if (node.type !== 'element') return; // comments, doctypes
  const tag = node.tagName;
  if (isHighlightWrapper(node)) {
    for (const child of node.children) visit(child, out);
    return;
  }
  if (tag === 'pre') {
    out.open(`pre${attributes(node)}`);
    out.line(`code: ${JSON.stringify(toString(node).replace(/\n$/, ''))}`);
    out.close();
    return;
  }
  if (tag === 'script' || tag === 'style') {
    out.open(tag);
    out.line(`text: ${JSON.stringify(toString(node).trim())}`);
    out.close();
    return;
  }
  if (blockTags.has(tag)) {
    out.open(`${tag}${attributes(node)}`);
    for (const child of node.children) visit(child, out);
    out.close();
    return;
  }
  if (tag === 'code') {
    out.text(`<code>${toString(node)}</code>`);
    return;
  }
  out.text(`<${tag}${attributes(node)}>`);
  for (const child of node.children) visit(child, out);
  if (tag !== 'img' && tag !== 'br' && tag !== 'input') out.text(`</${tag}>`);
}

/** The reader-visible lines of an HTML fragment. */
export function normalise(html: string): string[] {
  const tree: Root = fromHtml(html, { fragment: true });
  const out = new Writer();
  for (const child of tree.children) visit(child, out);
  out.flush();
  return out.lines;
}
