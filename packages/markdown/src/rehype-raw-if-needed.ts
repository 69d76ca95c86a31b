/**
 * Parses raw HTML into the tree (rehype-raw), but only in documents that
 * have some: most posts have none, and re-parsing a whole document through
 * parse5 is the costliest step a rehype pipeline can add. Once parsed, the
 * HTML an author wrote gets what the rest of the pipeline does: absolute
 * URLs in feeds, lazy images.
 */
import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { visit, EXIT } from 'unist-util-visit';
import type { VFile } from 'vfile';

export default function rehypeRawIfNeeded() {
  return (tree: Root, file: VFile): Root => {
    let found = false;
    visit(tree, 'raw', (node) => {
      // A lone comment (`<!--more-->`) needs no parsing.
      if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value) && !node.value.includes('-->', node.value.indexOf('-->') + 3))
        return;
      found = true;
      return EXIT;
    });
    return found ? (raw(tree, { file }) as Root) : tree;
  };
}
