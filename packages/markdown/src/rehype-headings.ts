/**
 * Collects the headings of a document, after their ids are set, into
 * `file.data.headings`: depth, id and plain text. A heading whose text makes
 * no id (`## ???`) has none, as in kramdown, rather than `id=""`.
 */
import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { walk } from './walk.js';
import type { VFile } from 'vfile';

/** A heading of the document. */
export interface Heading {
  /** 1 to 6. */
  depth: number;
  /** Its `id`, the target of `#anchor` links. */
  id: string;
  /** Its text, without markup. */
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    headings: Heading[];
  }
}

export default function rehypeHeadings() {
  return (tree: Root, file: VFile): void => {
    const headings: Heading[] = [];
    walk<Element>(tree, (node) => {
      if (node.type !== 'element') return;
      const depth = headingRank(node);
      if (!depth) return;
      if (node.properties.id === '') delete node.properties.id;
      headings.push({ depth, id: String(node.properties.id ?? ''), text: toString(node).trim() });
      return false;
    });
    file.data.headings = headings;
  };
}
