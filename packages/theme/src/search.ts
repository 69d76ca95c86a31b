/**
 * How the search index is split: in parts of at most `search.partSize`
 * posts (by default {@link defaultPartSize}), oldest first, the pages joining
 * the first part. Each part is a Pagefind bundle (`pagefind/`,
 * `pagefind/parts/1/`…) that the search page merges, so a build indexes
 * again only the parts whose posts changed: an edit re-indexes one part, a
 * new post the newest one. A blog of up to 250 posts has a single bundle, as
 * Pagefind writes by default.
 *
 * The size is a trade between the author and the readers. Indexing a part
 * again takes about 6 ms a post, on the critical path of a rebuild after an
 * edit; each part costs the search page its own metadata and, for each
 * word searched, its own index chunk (on a blog of 1,000 posts, the first
 * search loads 720 KB in 36 requests with 2 parts, 810 KB in 43 with 4, and
 * 1.3 MB in 83 with 11).
 */
import { isHtmlDocument, type Blog, type Document } from '@blog/model';

/**
 * Posts in each part when the site does not say: 250 while that makes at most 10 parts (up to 2,500 posts),
 * 500 beyond. Small parts keep an edit's rebuild short; few parts keep the search page light. Larger
 * parts would cost the build memory (Pagefind holds a part at a time: 10,000 posts in parts of 1,000
 * peaked at 1.8 GB, in parts of 500 at 1.6) and the edits time. The size changes once, when the blog
 * grows past 2,500 posts: that build indexes every part again.
 */
export function defaultPartSize(posts: number): number {
  return posts <= 2_500 ? 250 : 500;
}

/** The documents of each part of the search index, in parts of `size` posts (default: {@link defaultPartSize}). */
export function searchParts(blog: Blog, size?: number): Document[][] {
  // Documents with a page of their own: not redirects, nor pages that are not HTML.
  const indexed = (document: Document) => isHtmlDocument(document) && !document.redirectTo;
  const posts = blog.posts.filter(indexed).toReversed();
  size ??= defaultPartSize(posts.length);
  const parts: Document[][] = [];
  for (let start = 0; start < posts.length; start += size) parts.push(posts.slice(start, start + size));
  const pages = [...blog.pages, ...Object.values(blog.collections).flat()].filter(indexed);
  parts[0] = [...pages, ...(parts[0] ?? [])];
  return parts;
}

/** The folder of a part's bundle below the output folder. */
export const searchBundle = (part: number): string => (part === 0 ? 'pagefind/' : `pagefind/parts/${part}/`);
