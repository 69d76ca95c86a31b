/**
 * Removes raw HTML when it is not allowed, and says so for each piece, with
 * its line: nothing in the source disappears without a message.
 */
import type { Root } from 'hast';
import type { Parent } from 'unist';
import type { VFile } from 'vfile';
import { walk, type Raw } from './walk.js';

export default function rehypeDropRaw() {
  return (tree: Root, file: VFile): void => {
    walk<Raw>(tree as Parent, (node, index, parent) => {
      if (node.type !== 'raw') return undefined;
      const excerpt = node.value.trim().replace(/\s+/g, ' ').slice(0, 40);
      file.message(`Raw HTML dropped (\`allowDangerousHtml\` is off): \`${excerpt}\``, node.position);
      parent.children.splice(index, 1);
      return index;
    });
  };
}
