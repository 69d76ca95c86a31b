/**
 * Parses raw HTML into the tree (as rehype-raw does), but only in documents
 * that have some: most posts have none, and re-parsing a whole document
 * through parse5 is the costliest step a rehype pipeline can add. Once
 * parsed, the HTML an author wrote gets what the rest of the pipeline does:
 * absolute URLs in feeds, lazy images. The raw HTML of most posts is read
 * without parse5 (see `raw-fragments.ts`); anything else goes through
 * `hast-util-raw`.
 */
import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import type { Parent } from 'unist';
import type { VFile } from 'vfile';
import { rawFragments } from './raw-fragments.js';
import { walk, type Raw } from './walk.js';

/** A lone comment (`<!--more-->`) needs no parsing. */
const loneComment = /^\s*<!--(?:(?!-->)[\s\S])*-->\s*$/;

export default function rehypeRawIfNeeded() {
  return (tree: Root, file: VFile): Root => {
    let found = false;
    walk<Raw>(tree as Parent, (node) => {
      if (found) return false;
      if (node.type === 'raw' && !loneComment.test(node.value)) found = true;
      return undefined;
    });
    if (!found) return tree;
    return rawFragments(tree, file) ?? (raw(tree, { file }) as Root);
  };
}
