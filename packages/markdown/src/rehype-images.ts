/**
 * Images load lazily (`loading="lazy"`, `decoding="async"`) and, when the
 * site-relative file (`/assets/a.png`) is found below `root`, get their
 * `width` and `height` so the page does
 * not jump as they arrive. Alt text is left as written.
 *
 * The files looked at are listed in `file.data.files`, and the state each
 * was read in in `file.data.fileStamps`: the HTML depends on them, so a
 * cached rendering is stale when one of them changes.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { Element, Root } from 'hast';
import { isAbsoluteUrl } from '@blog/model/url';
import { imageSize } from 'image-size';
import type { VFile } from 'vfile';
import { highlightedCode } from './highlighted-html.js';
import { walk } from './walk.js';

declare module 'vfile' {
  interface DataMap {
    /** Local files the rendering read. */
    files: string[];
    /** The state of each of `files` when its size was read (see {@link fileStamp}), by path. */
    fileStamps: Record<string, string>;
  }
}

/** The state of a file: its size and change time, or `missing`. Equal stamps, equal contents. */
export function fileStamp(path: string): string {
  try {
    const stats = statSync(path);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

// By path and stamp: a long-running process (the dev server) sees an image that was replaced.
const sizes = new Map<string, { width: number; height: number } | null>();

/**
 * The stamp of a file that changed while a rendering read it: it matches no state of the file, so a result
 * that holds it is stale at once, and its digest is its own.
 */
function changedStamp(): string {
  return `changed:${randomUUID()}`;
}

/** Records in `stamps` that `path` was read in state `stamp` (one read twice in two states: changed). */
export function recordStamp(stamps: Record<string, string>, path: string, stamp: string): void {
  const before = stamps[path];
  stamps[path] = before === undefined || before === stamp ? stamp : changedStamp();
}

/** The size of the image at `path` and the state of the file it was read from. */
function readImage(path: string): { size: { width: number; height: number } | null; stamp: string } {
  const stamp = fileStamp(path);
  const key = `${path}\0${stamp}`;
  let size = sizes.get(key);
  if (size !== undefined) return { size, stamp };
  try {
    const { width, height } = imageSize(readFileSync(path));
    size = width && height ? { width, height } : null;
  } catch {
    size = null;
  }
  // Replaced while it was read: the size may be of either state, so it is neither kept nor trusted later.
  if (fileStamp(path) !== stamp) return { size, stamp: changedStamp() };
  sizes.set(key, size);
  return { size, stamp };
}

/** Options of {@link rehypeImages}. */
export interface Options {
  /** Folder that site-relative image paths (`/assets/a.png`) are found below; default none: no sizes are read. */
  root?: string | undefined;
}

export default function rehypeImages(options?: Options | null | undefined) {
  const root = options?.root;
  return (tree: Root, file: VFile): void => {
    walk<Element>(tree, (node) => {
      if (node.type !== 'element') return;
      // Highlighted code holds Shiki's token spans and their text, never an image.
      if (highlightedCode.has(node)) return false;
      if (node.tagName !== 'img') return;
      node.properties.loading ??= 'lazy';
      node.properties.decoding ??= 'async';
      const src = node.properties.src;
      if (!root || typeof src !== 'string' || node.properties.width !== undefined) return;
      // Only site-relative paths (`/assets/a.png`) are known to be below the root.
      if (!src.startsWith('/') || isAbsoluteUrl(src)) return;
      let sitePath: string;
      try {
        sitePath = decodeURIComponent(src.split(/[?#]/)[0]!);
      } catch {
        return;
      }
      const image = normalize(join(root, sitePath));
      // Never read outside the root, whatever `../` the Markdown holds.
      if (!image.startsWith(normalize(root))) return;
      // The result records the state the size was read in, not one read later: a result never pairs a
      // replaced image's state with the size of the image before it.
      const { size, stamp } = readImage(image);
      (file.data.files ??= []).push(image);
      recordStamp((file.data.fileStamps ??= {}), image, stamp);
      if (size) {
        node.properties.width = size.width;
        node.properties.height = size.height;
      }
    });
  };
}
