/**
 * kramdown's math for MathJax: a `$$…$$` block becomes `\[…\]` and inline
 * `$$…$$` becomes `\(…\)`, as text MathJax finds in the page (kramdown 2's
 * `mathjax` engine). Runs after remark-math has parsed the dollars, and after
 * typography, which must not touch the TeX.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export default function remarkKramdownMath() {
  return (tree: Root): void => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if ((node.type as string) === 'math') {
        const math = node as { value: string };
        // kramdown writes display math bare, not in a paragraph; a `div` keeps it a block in HTML.
        parent.children[index] = {
          type: 'paragraph',
          data: { hName: 'div', hProperties: { className: ['math', 'math-display'] } },
          children: [{ type: 'text', value: `\\[${math.value}\\]` }],
        };
      } else if ((node.type as string) === 'inlineMath') {
        parent.children[index] = { type: 'text', value: `\\(${(node as { value: string }).value}\\)` };
      }
      return undefined;
    });
  };
}
