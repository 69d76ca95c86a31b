/**
 * How the search index is split: in parts of at most `search.partSize`
 * posts (default {@link searchPartSize}), oldest first, the pages joining
 * the first part. Each part is a Pagefind bundle (`pagefind/`,
 * `pagefind/parts/1/`…) that the search page merges, so a build indexes
 * again only the parts whose posts changed: an edit re-indexes one part, a
 * new post the newest one. A blog of up to 500 posts has a single bundle, as
 * Pagefind writes by default.
 */
import { isHtmlDocument, type Blog, type Document } from '@blog/model';

export const searchPartSize = 500;

/** The documents of each part of the search index. */
export function searchParts(blog: Blog, size = searchPartSize): Document[][] {
  // Documents with a page of their own: not redirects, nor pages that are not HTML.
  const indexed = (document: Document) => isHtmlDocument(document) && !document.redirectTo;
  const posts = blog.posts.filter(indexed).toReversed();
  const parts: Document[][] = [];
  for (let start = 0; start < posts.length; start += size) parts.push(posts.slice(start, start + size));
  const pages = [...blog.pages, ...Object.values(blog.collections).flat()].filter(indexed);
  parts[0] = [...pages, ...(parts[0] ?? [])];
  return parts;
}

/** The folder of a part's bundle below the output folder. */
export const searchBundle = (part: number): string => (part === 0 ? 'pagefind/' : `pagefind/parts/${part}/`);
