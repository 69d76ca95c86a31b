/**
 * Phase: the excerpt of every post, cut from its body after Liquid: the
 * front matter's `excerpt` when set, else the body up to the separator
 * (`excerpt_separator` of the post, else of the site).
 */
import { cutExcerpt } from '../excerpt.js';
import type { LoadState } from './state.js';

export function cutExcerpts(state: LoadState): LoadState {
  for (const { source, document, post } of state.entries) {
    if (!post) continue;
    const fm = source.frontMatter;
    const cut = cutExcerpt(document.body, fm.excerpt_separator ?? state.site.excerptSeparator);
    post.excerpt = fm.excerpt ?? cut.excerpt;
    post.hasMore = fm.excerpt !== undefined ? document.body.trim() !== '' : cut.hasMore;
  }
  return state;
}
