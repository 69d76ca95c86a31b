/** Which documents of a blog are HTML pages of their own. */
import type { Blog, Document } from './types.js';

/** Whether a document is rendered to an HTML page (Markdown or HTML source), not copied with its own extension. */
export function isHtmlDocument(document: Pick<Document, 'format'>): boolean {
  return document.format !== 'other';
}

/**
 * The blog's HTML documents: posts (newest first), then pages, then the
 * documents of collections with `output: true`, keeping those that
 * {@link isHtmlDocument}. Redirecting documents (`redirect_to`) are included.
 */
export function htmlDocuments(blog: Pick<Blog, 'posts' | 'pages' | 'collections'>): Document[] {
  return [...blog.posts, ...blog.pages, ...Object.values(blog.collections).flat()].filter(isHtmlDocument);
}
