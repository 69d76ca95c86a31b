/**
 * Renders a post of `@blog/model` with what the model knows about it: its
 * file and body line for messages, its front-matter excerpt and separator,
 * whether the site highlights code (Jekyll's `highlighter: none` does not),
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

/** What a render takes from the site: its excerpt separator, and whether it highlights code. */
export type RenderSite = Pick<Site, 'excerptSeparator'> & Partial<Pick<Site, 'highlighting'>>;

/**
 * The render item of a post or page of `@blog/model`. A site whose `_config.yml` turns highlighting off
 * gets plain code, as from Jekyll, unless `options.highlight` says otherwise. `options.cache` is left out of
 * the item: `renderAll` takes one cache for all its items.
 */
export function documentRenderItem(document: Document, site?: RenderSite, options: RenderPostOptions = {}): RenderItem {
  const { feed, ...rest } = options;
  delete rest.cache;
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
      highlight: rest.highlight ?? (site?.highlighting === false ? false : undefined),
      baseUrl: feed ? document.url : rest.baseUrl,
    },
  };
}

/**
 * Renders a post or page loaded by `@blog/model`.
 *
 * @param document The post or page.
 * @param site The site, for its excerpt separator and whether it highlights code.
 * @param options Pipeline options; `feed: true` for feed content.
 */
export function renderDocument(
  document: Document,
  site?: RenderSite,
  options: RenderPostOptions = {},
): Promise<RenderResult> {
  const item = documentRenderItem(document, site, options);
  return render(item.source, { ...item.options, cache: options.cache });
}
