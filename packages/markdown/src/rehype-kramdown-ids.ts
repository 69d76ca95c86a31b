/**
 * Heading ids as kramdown's `auto_ids` makes them for Jekyll's GFM input
 * (rehype-slug: GitHub's slugs with a per-document counter), unless the
 * document turns them off with `{::options auto_ids="false" /}`.
 */
import type { Root } from 'hast';
import rehypeSlug from 'rehype-slug';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** kramdown options set in the document with `{::options … /}`. */
    kramdownOptions: Record<string, string>;
  }
}

export default function rehypeKramdownIds() {
  const slug = rehypeSlug();
  return (tree: Root, file: VFile): void => {
    if (file.data.kramdownOptions?.auto_ids === 'false') return;
    slug(tree);
  };
}
