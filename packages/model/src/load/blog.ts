/** The last step: the loaded state as the {@link Blog} users see. */
import type { Blog, Document } from '../types.js';
import type { LoadState } from './state.js';

export function toBlog(state: LoadState): Blog {
  const collections: Record<string, Document[]> = {};
  for (const entry of state.entries) {
    if (entry.kind === 'collection') (collections[entry.document.collection] ??= []).push(entry.document);
  }
  return {
    site: state.site,
    posts: state.posts.map((entry) => ({ ...entry.document, ...entry.post! })),
    pages: state.entries
      .filter((entry) => entry.kind === 'page')
      .map((entry) => ({ ...entry.document, ...entry.page! })),
    collections,
    redirects: state.redirects,
    staticFiles: state.staticFiles,
    data: state.data,
    skipped: state.skipped,
    warnings: state.warnings,
  };
}
