/**
 * Makes every relative URL absolute against a base (the post's URL), as a
 * feed needs: feed readers have no base URL. Covers `href`, `src`, `poster`,
 * `cite`, `action` and each candidate of `srcset`. A URL that is already
 * absolute (it has a scheme: `https:`, `mailto:`…) is kept exactly as written,
 * never normalised, so the feed carries what the page carries.
 */
import type { Element, Root } from 'hast';
import { isAbsoluteUrl } from '@blog/model/url';
import { walk } from './walk.js';

const urlProperties = ['href', 'src', 'poster', 'cite', 'action'] as const;

function absolute(value: string, base: string): string {
  // A protocol-relative URL (`//host/x`) still needs the feed's scheme: readers have no page to take it from.
  if (isAbsoluteUrl(value) && !value.startsWith('//')) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** Options of {@link rehypeAbsoluteUrls}. */
export interface Options {
  /** The URL relative URLs are resolved against (the post's own URL). */
  base: string;
}

export default function rehypeAbsoluteUrls(options: Options) {
  const { base } = options;
  return (tree: Root): void => {
    walk<Element>(tree, (node) => {
      if (node.type !== 'element') return;
      const properties: Record<string, unknown> = node.properties;
      for (const name of urlProperties) {
        const value = properties[name];
        if (typeof value === 'string' && value !== '') properties[name] = absolute(value, base);
      }
      // `srcset` is one string of comma-separated candidates: `url [descriptor]`.
      const srcset = properties.srcSet;
      if (typeof srcset === 'string' && srcset !== '') {
        properties.srcSet = srcset
          .split(',')
          .map((candidate) => {
            const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
            return [absolute(url, base), ...descriptor].join(' ');
          })
          .join(', ');
      }
    });
  };
}
