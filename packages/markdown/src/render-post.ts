/**
 * Renders a post of `@blog/model` with what the model knows about it: its
 * file and body line for messages, its front-matter excerpt and separator,
 * and (for feeds) its URL as the base of relative links.
 */
import type { Document, Site } from '@blog/model';
import { render, type RenderOptions, type RenderResult } from './render.js';
import type { RenderItem } from './render-all.js';

/** Options for rendering a model document; `feed` makes its URLs absolute against its own URL. */
export interface RenderPostOptions extends RenderOptions {
  /** Render for a feed: every relative URL made absolute against the post's URL; default `false`. */
  feed?: boolean | undefined;
}

/** The render item of a post or page of `@blog/model`. */
export function documentRenderItem(
  document: Document,
  site?: Pick<Site, 'excerptSeparator'>,
  options: RenderPostOptions = {},
): RenderItem {
  const { feed, ...rest } = options;
  const data = document.data;
  return {
    source: document.body,
    options: {
      ...rest,
      file: document.sourcePath,
      line: document.bodyLine,
      excerpt: typeof data.excerpt === 'string' ? data.excerpt : rest.excerpt,
      excerptSeparator:
        typeof data.excerpt_separator === 'string'
          ? data.excerpt_separator
          : (rest.excerptSeparator ?? site?.excerptSeparator),
      baseUrl: feed ? document.url : rest.baseUrl,
    },
  };
}

/**
 * Renders a post or page loaded by `@blog/model`.
 *
 * @param document The post or page.
 * @param site The site, for its excerpt separator.
 * @param options Pipeline options; `feed: true` for feed content.
 */
export function renderDocument(
  document: Document,
  site?: Pick<Site, 'excerptSeparator'>,
  options: RenderPostOptions = {},
): Promise<RenderResult> {
  const item = documentRenderItem(document, site, options);
  return render(item.source, item.options);
}
