/**
 * Fills kramdown's table of contents (`* TOC` + `{:toc}`, left as an empty
 * `ul#markdown-toc` by `remarkKramdownExtensions`) once headings have ids, as
 * kramdown writes it: one item per heading with an id and without the
 * `no_toc` class, a link to the heading with the id `markdown-toc-<id>`,
 * nested by level in lists of the same kind.
 */
import type { Element, ElementContent, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { walk } from './walk.js';

interface Entry {
  level: number;
  item: Element;
}

function hasClass(node: Element, name: string): boolean {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes(name);
}

export default function rehypeKramdownToc() {
  return (tree: Root): void => {
    const places: Element[] = [];
    walk<Element>(tree, (node) => {
      if (node.type !== 'element') return undefined;
      if (node.properties.dataKramdownToc !== undefined) places.push(node);
      return undefined;
    });
    if (places.length === 0) return;
    const headings: Element[] = [];
    walk<Element>(tree, (node) => {
      if (node.type !== 'element') return undefined;
      const level = headingRank(node);
      if (!level) return undefined;
      if (node.properties.id && !hasClass(node, 'no_toc')) headings.push(node);
      return false;
    });
    for (const place of places) {
      delete place.properties.dataKramdownToc;
      const stack: Entry[] = [];
      for (const heading of headings) {
        const level = headingRank(heading)!;
        const id = String(heading.properties.id);
        const item: Element = {
          type: 'element',
          tagName: 'li',
          properties: {},
          children: [
            {
              type: 'element',
              tagName: 'a',
              properties: { href: `#${id}`, id: `markdown-toc-${id}` },
              children: structuredClone(heading.children) as ElementContent[],
            },
          ],
        };
        while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop();
        const parent = stack.at(-1)?.item;
        if (!parent) place.children.push(item);
        else {
          let list = parent.children.find(
            (child): child is Element => child.type === 'element' && child.tagName === place.tagName,
          );
          if (!list) {
            list = { type: 'element', tagName: place.tagName, properties: {}, children: [] };
            parent.children.push(list);
          }
          list.children.push(item);
        }
        stack.push({ level, item });
      }
    }
  };
}
