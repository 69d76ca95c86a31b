/**
 * kramdown's typography, on the text of the Markdown tree: `---` em dash,
 * `--` en dash, `...` ellipsis, and smart quotes, `'` as an apostrophe
 * between letters (`it’s`) and before a decade (`’90s`). Code, inline
 * code, HTML and math are left as typed.
 *
 * Written for this pipeline rather than taken from retext-smartypants: that
 * plugin parses every text node into a natural-language tree, which cost more
 * than parsing the Markdown itself, and its rules are SmartyPants', not
 * kramdown's. Here one pass over each text node does it, with the character
 * before the node as context, so quotes around `*emphasis*` still open and
 * close correctly.
 */
import type { Nodes, Root } from 'mdast';

const wordChar = /[\p{L}\p{N}]/u;
const openingContext = /[\s([{\u2014\u2013/-]/u;
const skip = new Set(['code', 'inlineCode', 'html', 'math', 'inlineMath', 'definition', 'footnoteDefinition']);
const blocks = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote', 'footnoteDefinition', 'root']);

/** Applies the rules to one string; `before` is the character just before it (a space at a block start). */
export function smarten(text: string, before = ' '): string {
  if (!/['"]|--|\.\.\./.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '.' && text[i + 1] === '.' && text[i + 2] === '.') {
      out += '\u2026';
      i += 2;
    } else if (c === '-' && text[i + 1] === '-') {
      if (text[i + 2] === '-') {
        out += '\u2014';
        i += 2;
      } else {
        out += '\u2013';
        i += 1;
      }
    } else if (c === '"' || c === "'") {
      const previous = i > 0 ? text[i - 1]! : before;
      const next = text[i + 1] ?? ' ';
      if (c === "'" && wordChar.test(previous) && wordChar.test(next)) out += '\u2019';
      else if (c === "'" && /\d\ds?\b/.test(text.slice(i + 1, i + 4)) && openingContext.test(previous)) out += '\u2019';
      else if (openingContext.test(previous)) out += c === '"' ? '\u201C' : '\u2018';
      else out += c === '"' ? '\u201D' : '\u2019';
    } else out += c;
  }
  return out;
}

export default function remarkKramdownTypography() {
  return (tree: Root): void => {
    let before = ' ';
    const walk = (node: Nodes): void => {
      if (skip.has(node.type)) {
        // What follows code or HTML is not at the start of a word.
        if (node.type === 'inlineCode' || node.type === 'html') before = 'x';
        return;
      }
      if (blocks.has(node.type)) before = ' ';
      if (node.type === 'text') {
        node.value = smarten(node.value, before);
        if (node.value.length > 0) before = node.value[node.value.length - 1]!;
        return;
      }
      if ('children' in node) for (const child of node.children) walk(child as Nodes);
      if (blocks.has(node.type)) before = ' ';
    };
    walk(tree);
  };
}
