/**
 * kramdown's math for MathJax: a `$$…$$` block becomes `\[…\]` and inline
 * `$$…$$` becomes `\(…\)`, as text MathJax finds in the page (kramdown 2's
 * `mathjax` engine). kramdown writes display math bare; here a
 * `div.math.math-display` holds it, unless `bare` (the `kramdownExact`
 * option). Runs after remark-math has parsed the dollars, and after
 * typography, which must not touch the TeX.
 */
import type { Paragraph, Root, Text } from 'mdast';
import type { Parent } from 'unist';
import { walk } from './walk.js';

export default function remarkKramdownMath(options?: { bare?: boolean | undefined } | null) {
  const bare = options?.bare ?? false;
  return (tree: Root): void => {
    walk<Root['children'][number]>(tree as Parent, (node, index, parent) => {
      if ((node.type as string) === 'math') {
        const math = node as { value: string };
        // kramdown writes display math bare, not in a paragraph; a `div` keeps it a block in HTML.
        const block: Paragraph = {
          type: 'paragraph',
          data: { hName: 'div', hProperties: { className: ['math', 'math-display'] } },
          children: [{ type: 'text', value: `\\[${math.value}\\]` }],
        };
        parent.children[index] = bare ? (block.children[0] as unknown as Paragraph) : block;
      } else if ((node.type as string) === 'inlineMath') {
        const text: Text = { type: 'text', value: `\\(${(node as { value: string }).value}\\)` };
        parent.children[index] = text;
      }
      return undefined;
    });
  };
}
