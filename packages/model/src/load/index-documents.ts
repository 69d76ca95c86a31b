/**
 * Phase: with every URL known, orders the posts (newest first; on equal
 * dates, Jekyll's order reversed, by path) and indexes URLs by post name and
 * by source path for Liquid's `post_url` and `link`.
 */
import { basename, extname } from 'node:path';
import type { LoadState } from './state.js';

export function indexDocuments(state: LoadState): LoadState {
  state.posts = state.entries
    .filter((entry) => entry.kind === 'post')
    .sort(
      (a, b) =>
        b.post!.date.getTime() - a.post!.date.getTime() ||
        (a.document.sourcePath < b.document.sourcePath ? 1 : a.document.sourcePath > b.document.sourcePath ? -1 : 0),
    );
  for (const { document, kind } of state.entries) {
    state.index.documentsByPath.set(document.sourcePath, document.permalink);
    if (kind === 'post') {
      const name = basename(document.sourcePath);
      state.index.postsByName.set(name.slice(0, name.length - extname(name).length), document.permalink);
    }
  }
  return state;
}
