/**
 * A post's excerpt source, as Jekyll's `Excerpt` cuts it: everything before
 * the separator; without one, the first paragraph (or the whole post when
 * the site or the post chose the separator). Link and footnote
 * definitions from the rest of the post are appended, so references in the
 * excerpt still resolve (definitions nothing refers to render nothing).
 */

export interface ExcerptSource {
  /** Markdown (or HTML) source of the excerpt. */
  excerpt: string;
  /** Whether the separator was found, so the post continues past its excerpt. */
  hasMore: boolean;
}

const definition = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm;

/**
 * Cuts the excerpt of `body`.
 *
 * @param body Post source after Liquid.
 * @param separator Excerpt separator; default `<!--more-->`. An empty string disables excerpts.
 * @param paragraphFallback Without the separator in `body`, cut at the first paragraph (default `true`, as
 *   Jekyll's own default separator `\n\n` does); `false` gives the whole body, as Jekyll does for a separator
 *   the site or the post sets.
 */
export function cutExcerpt(body: string, separator = '<!--more-->', paragraphFallback = true): ExcerptSource {
  if (separator === '') return { excerpt: '', hasMore: false };
  const text = body.replace(/^\s*\n/, '');
  let index = text.indexOf(separator);
  let hasMore = index !== -1;
  if (!hasMore && !paragraphFallback) {
    // A separator the site or the post chose, missing from the post: Jekyll's excerpt is the whole post.
    return { excerpt: text.trimEnd(), hasMore: false };
  }
  if (!hasMore) {
    // No separator: the first paragraph, as Jekyll's default `\n\n` gives.
    index = text.search(/\n[ \t]*\n/);
    hasMore = index !== -1 && text.slice(index).trim() !== '';
    if (index === -1) index = text.length;
  }
  let excerpt = text.slice(0, index).trimEnd();
  const rest = text.slice(index);
  const definitions = rest.match(definition);
  if (definitions) excerpt += `\n\n${definitions.join('\n')}`;
  return { excerpt, hasMore };
}
