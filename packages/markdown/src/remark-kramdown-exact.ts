/**
 * kramdown's output where it is wrong for readers, for sites that want it
 * byte for byte anyway (the `kramdownExact` option):
 *
 * - a block-level HTML tag inside a paragraph (`Watch <iframe …></iframe>`)
 *   is printed as text, so the reader sees the tag, not the frame;
 * - `\)` ends a link's destination, backslash included, and the rest of the
 *   destination is text after the link.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { walk } from './walk.js';

// kramdown's span-level elements; any other tag is block-level.
const spanElements = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(
    ' ',
  ),
);

export default function remarkKramdownExact() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    walk<Nodes>(tree, (node, index, up) => {
      const parent = up as Parent;
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
        for (const child of node.children) {
          if (child.type !== 'html') continue;
          const tag = /^<\/?([A-Za-z][\w-]*)/.exec(child.value)?.[1]?.toLowerCase();
          if (tag && !spanElements.has(tag)) (child as unknown as { type: string }).type = 'text';
        }
        return undefined;
      }
      if (node.type !== 'link') return undefined;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return undefined;
      const slice = source.slice(start, end);
      const destination = slice.lastIndexOf('](') + 2;
      const close = slice.indexOf(')', destination);
      if (destination < 2 || close === -1 || slice[close - 1] !== '\\' || close === slice.length - 1) return undefined;
      node.url = slice.slice(destination, close);
      const rest: RootContent = { type: 'text', value: slice.slice(close + 1) };
      parent.children.splice(index + 1, 0, rest);
      return index + 2;
    });
  };
}
