/**
 * Rewrites GFM footnotes (as remark-rehype makes them, with an empty
 * `clobberPrefix`) into kramdown's markup, so the anchors of old posts keep
 * working: references `#fn:1` and `#fnref:1`, a `div.footnotes` at the end,
 * `a.footnote` and `a.reversefootnote`. ARIA roles sit on the links, where
 * HTML allows them.
 */
import type { Element, ElementContent, Root } from 'hast';
import { walk } from './walk.js';

/** The label in a GFM footnote id, also after rehype-sanitize has prefixed it with `user-content-`. */
function label(id: string, prefix: string): string | undefined {
  const bare = id.replace(/^user-content-/, '');
  return bare.startsWith(prefix) ? bare.slice(prefix.length) : undefined;
}

export default function rehypeKramdownFootnotes() {
  return (tree: Root): void => {
    // Footnote labels, from the list at the end, tell `fnref-a-2` (second reference to `a`) from `fnref-a-2` (label `a-2`).
    const labels = new Set<string>();
    // The section is the last child of the root; its list items carry the labels.
    const section = tree.children.findLast(
      (node): node is Element => node.type === 'element' && node.properties.dataFootnotes !== undefined,
    );
    if (!section) return;
    walk<Element>(section, (node) => {
      const name =
        node.type === 'element' && node.tagName === 'li' ? label(String(node.properties.id ?? ''), 'fn-') : undefined;
      if (name !== undefined) labels.add(name);
    });
    /** kramdown's id for a reference id of GFM: `fnref-a` → `fnref:a`, its second use `fnref-a-2` → `fnref:a:1`. */
    const kramdownRef = (gfm: string): { name: string; id: string } | undefined => {
      const rest = label(gfm, 'fnref-');
      if (rest === undefined) return undefined;
      if (labels.has(rest)) return { name: rest, id: `fnref:${rest}` };
      const repeat = /^(.+)-(\d+)$/.exec(rest);
      if (repeat && labels.has(repeat[1]!))
        return { name: repeat[1]!, id: `fnref:${repeat[1]}:${Number(repeat[2]) - 1}` };
      return undefined;
    };
    walk<Element>(tree, (node, index, parent) => {
      if (node.type !== 'element') return undefined;
      // A reference: <sup><a id="fnref-x" href="#fn-x" data-footnote-ref>1</a></sup>
      if (node.tagName === 'sup' && node.children.length === 1) {
        const link = node.children[0] as Element;
        if (link.type !== 'element' || link.tagName !== 'a' || link.properties.dataFootnoteRef === undefined) return;
        const ref = kramdownRef(String(link.properties.id ?? ''));
        if (!ref) return;
        node.properties = { id: ref.id };
        link.properties = { href: `#fn:${ref.name}`, className: ['footnote'], role: 'doc-noteref' };
        return;
      }
      // The section at the end.
      if (node === section) {
        const list = node.children.find(
          (child): child is Element => child.type === 'element' && child.tagName === 'ol',
        );
        if (!list) return;
        for (const item of list.children) {
          if (item.type !== 'element' || item.tagName !== 'li') continue;
          const name = label(String(item.properties.id ?? ''), 'fn-');
          item.properties = { id: `fn:${name}` };
          walk<Element>(item, (child) => {
            if (
              child.type !== 'element' ||
              child.tagName !== 'a' ||
              child.properties.dataFootnoteBackref === undefined
            ) {
              return;
            }
            const target = kramdownRef(String(child.properties.href ?? '').replace(/^#/, ''));
            child.properties = {
              href: `#${target?.id ?? ''}`,
              className: ['reversefootnote'],
              role: 'doc-backlink',
              ariaLabel: 'Back to the text',
            };
          });
        }
        const replacement: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['footnotes'] },
          children: [{ type: 'text', value: '\n' }, list, { type: 'text', value: '\n' }] as ElementContent[],
        };
        parent.children[index] = replacement;
      }
    });
  };
}
