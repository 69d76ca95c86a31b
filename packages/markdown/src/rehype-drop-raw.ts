/**
 * Removes raw HTML when it is not allowed, and says so for each piece, with
 * its line: nothing in the source disappears without a message.
 */
import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export default function rehypeDropRaw() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'raw', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const excerpt = node.value.trim().replace(/\s+/g, ' ').slice(0, 40);
      file.message(`Raw HTML dropped (\`allowDangerousHtml\` is off): \`${excerpt}\``, node.position);
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
