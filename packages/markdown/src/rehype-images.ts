/**
 * Images load lazily (`loading="lazy"`, `decoding="async"`) and, when the
 * site-relative file (`/assets/a.png`) is found below `root`, get their
 * `width` and `height` so the page does
 * not jump as they arrive. Alt text is left as written.
 */
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { Element, Root } from 'hast';
import { imageSize } from 'image-size';
import { walk } from './walk.js';

const sizes = new Map<string, { width: number; height: number } | null>();

function sizeOf(path: string): { width: number; height: number } | null {
  let size = sizes.get(path);
  if (size === undefined) {
    try {
      const { width, height } = imageSize(readFileSync(path));
      size = width && height ? { width, height } : null;
    } catch {
      size = null;
    }
    sizes.set(path, size);
  }
  return size;
}

export default function rehypeImages(root: string | undefined) {
  return (tree: Root): void => {
    walk<Element>(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'img') return;
      node.properties.loading ??= 'lazy';
      node.properties.decoding ??= 'async';
      const src = node.properties.src;
      if (!root || typeof src !== 'string' || node.properties.width !== undefined) return;
      // Only site-relative paths (`/assets/a.png`) are known to be below the root.
      if (!src.startsWith('/') || src.startsWith('//')) return;
      let path: string;
      try {
        path = decodeURIComponent(src.split(/[?#]/)[0]!);
      } catch {
        return;
      }
      const file = normalize(join(root, path));
      // Never read outside the root, whatever `../` the Markdown holds.
      if (!file.startsWith(normalize(root))) return;
      const size = sizeOf(file);
      if (size) {
        node.properties.width = size.width;
        node.properties.height = size.height;
      }
    });
  };
}
