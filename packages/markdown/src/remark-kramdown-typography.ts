/**
 * kramdown's typography, on the text of the Markdown tree: `---` em dash,
 * `--` en dash, `...` ellipsis, `<<`/`>>` guillemets, and smart quotes by
 * kramdown's own rules (its `SQ_RULES`), so a quote after `/` closes, one
 * after `(` or a space opens, `'90s` is an apostrophe and `'69` an opening
 * quote. Code, inline code, HTML and math are left as typed, and so is a
 * quote or `<<` escaped with a backslash.
 *
 * kramdown reads the source left to right: the character before a quote
 * decides its direction only when it is plain text not yet used by
 * something else (a dash, another quote, the end of `*emphasis*`). A text
 * node of the tree starts after such a thing, so here the context is the
 * node's own text, plus the source right after the node for what follows.
 *
 * The rules on a string (`smarten`) are `@blog/model`'s (`@blog/model/typography`),
 * which Liquid's `smartify` uses too; this plugin finds the text they apply to.
 *
 * Written for this pipeline rather than taken from retext-smartypants: that
 * plugin parses every text node into a natural-language tree, which cost more
 * than parsing the Markdown itself, and its rules are SmartyPants', not
 * kramdown's.
 */
import type { Nodes, Parent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { hasTypography, punctuation, smarten } from '@blog/model/typography';

const skip = new Set(['code', 'inlineCode', 'html', 'math', 'inlineMath', 'definition']);
/** Indexes of `value` that the source wrote with a backslash escape (`\"`), found by reading both side by side. */
function escapedIndexes(node: Text, source: string): Set<number> {
  const escaped = new Set<number>();
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return escaped;
  const backslash = source.indexOf('\\', start);
  if (backslash === -1 || backslash >= end) return escaped;
  const slice = source.slice(start, end);
  const value = node.value;
  let s = 0;
  for (let v = 0; v < value.length && s < slice.length;) {
    if (slice[s] === '\\' && punctuation.test(slice[s + 1] ?? '') && value[v] === slice[s + 1]) {
      escaped.add(v);
      s += 2;
      v++;
    } else if (slice[s] === value[v]) {
      s++;
      v++;
    } else if (slice[s] === '&' && /^&#?\w+;/.test(slice.slice(s))) {
      s = slice.indexOf(';', s) + 1;
      v++;
    } else break;
  }
  return escaped;
}

/**
 * `<<word>>`: CommonMark reads `<word>` as an HTML tag; kramdown reads guillemets. Joins such a tag with the
 * text around it back into text.
 */
function joinGuillemets(parent: Parent): void {
  const children = parent.children as RootContent[];
  for (let i = 1; i < children.length - 1; i++) {
    const before = children[i - 1]!;
    const tag = children[i]!;
    const after = children[i + 1]!;
    if (
      tag.type === 'html' &&
      /^<[^<>]*>$/.test(tag.value) &&
      before.type === 'text' &&
      before.value.endsWith('<') &&
      after.type === 'text' &&
      after.value.startsWith('>')
    ) {
      before.value += tag.value + after.value;
      if (before.position && after.position) before.position.end = after.position.end;
      children.splice(i, 2);
      i--;
    }
  }
}

export default function remarkKramdownTypography() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    const walk = (node: Nodes): void => {
      if (skip.has(node.type)) return;
      if (node.type === 'text') {
        if (!hasTypography(node.value)) return;
        const end = node.position?.end.offset;
        const after = end === undefined ? '' : source.slice(end, end + 3);
        node.value = smarten(node.value, after, escapedIndexes(node, source));
        return;
      }
      // A property read, not `in`: see walk.ts.
      const children = (node as Partial<Parent>).children;
      if (children !== undefined) {
        if (children.some((child) => child.type === 'html')) joinGuillemets(node as Parent);
        for (const child of children) walk(child as Nodes);
      }
    };
    walk(tree);
  };
}
