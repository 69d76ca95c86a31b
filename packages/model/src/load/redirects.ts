/**
 * Phase: jekyll-redirect-from. A document's `redirect_to` becomes its
 * absolute target; each of its `redirect_from` paths becomes a redirect page
 * to it.
 */
import { fillPermalink, outputPath } from '../permalink.js';
import { isAbsoluteUrl } from '../url.js';
import { absoluteUrl } from './source.js';
import type { LoadState } from './state.js';

export function resolveRedirects(state: LoadState): LoadState {
  for (const { source, document } of state.entries) {
    const target = source.frontMatter.redirect_to;
    if (target) {
      document.redirectTo = isAbsoluteUrl(target) ? target : absoluteUrl(state, `/${target.replace(/^\/+/, '')}`);
    }
    for (const from of source.frontMatter.redirect_from ?? []) {
      const path = fillPermalink(from, {});
      state.redirects.push({
        from: path,
        outputPath: outputPath(path),
        to: document.url,
        sourcePath: document.sourcePath,
      });
    }
  }
  return state;
}
