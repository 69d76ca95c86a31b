/**
 * Gives math nodes the HTML shape remark-math gives them (`code.math-inline`,
 * `pre > code.math-display`), which rehype-katex looks for. Needed when the
 * tree comes from satteri, which parses the math but, being no micromark
 * extension, does not set that data.
 */
import type { Root } from 'mdast';
import type { Parent } from 'unist';
import { walk } from './walk.js';

export default function remarkMathData() {
  return (tree: Root): void => {
    walk<{ type: string; value?: string; data?: Record<string, unknown> }>(tree as Parent, (node) => {
      const value = node.value ?? '';
      if (node.type === 'inlineMath') {
        node.data = {
          hName: 'code',
          hProperties: { className: ['language-math', 'math-inline'] },
          hChildren: [{ type: 'text', value }],
        };
      } else if (node.type === 'math') {
        node.data = {
          hName: 'pre',
          hChildren: [
            {
              type: 'element',
              tagName: 'code',
              properties: { className: ['language-math', 'math-display'] },
              children: [{ type: 'text', value }],
            },
          ],
        };
      }
    });
  };
}
