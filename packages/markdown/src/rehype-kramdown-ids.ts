/**
 * Heading ids as kramdown's `auto_ids` makes them for Jekyll's GFM input
 * (GitHub's slugs with a per-document counter, as rehype-slug makes them),
 * unless the document turns them off with `{::options auto_ids="false" /}`.
 *
 * This is rehype-slug's loop on this package's `walk`: rehype-slug walks the
 * tree with unist-util-visit, whose generality cost as much as the whole
 * rest of the ids, for the same ids in the same order.
 */
import type { Element, Root } from 'hast';
import GithubSlugger from 'github-slugger';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { walk } from './walk.js';

declare module 'vfile' {
  interface DataMap {
    /** kramdown options set in the document with `{::options … /}`. */
    kramdownOptions: Record<string, string>;
  }
}

export default function rehypeKramdownIds() {
  const slugs = new GithubSlugger();
  return (tree: Root, file: VFile): void => {
    if (file.data.kramdownOptions?.auto_ids === 'false') return;
    slugs.reset();
    walk<Element>(tree, (node) => {
      if (node.type === 'element' && headingRank(node) && !node.properties.id) {
        node.properties.id = slugs.slug(toString(node));
      }
    });
  };
}
