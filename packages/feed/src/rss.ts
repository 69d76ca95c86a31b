/**
 * RSS 2.0, as the reference Jekyll feed carries it: channel title,
 * description, link, `atom:link rel="self"`, `pubDate` and `lastBuildDate`
 * in RFC 822, generator; items with title, the full HTML in `description`,
 * `pubDate`, `link`, a permalink `guid`, one `category` per tag and
 * category. `language`, `dc:creator` and `content:encoded` when asked.
 */
import { toRfc822 } from '@blog/model';
import { normalizeFeed } from './validate.js';
import type { Feed, FeedOptions } from './types.js';
import { element, indented as lines, xmlDocument } from './xml.js';

/** Options of {@link rss}. */
export interface RssOptions extends FeedOptions {
  /**
   * Where the post's HTML goes: `description` (default, as Jekyll's feed), or
   * `content:encoded` with the summary in `description`.
   */
  content?: 'description' | 'content:encoded' | undefined;
  /** Add `dc:creator` with each item's author; default `false`. */
  creator?: boolean | undefined;
}

/**
 * Renders a feed as RSS 2.0.
 *
 * @throws {FeedError} for a feed that would be invalid.
 */
export function rss(feed: Feed, options: RssOptions = {}): string {
  const normalized = normalizeFeed(feed, options);
  const encoded = options.content === 'content:encoded';
  const creator = options.creator === true;
  const date = (value: Date) => toRfc822(value, options.timeZone);
  const person = normalized.author;

  const items = normalized.items.map((item) => {
    const html = item.contentHtml ?? item.summary ?? '';
    const authors = item.authors.length > 0 ? item.authors : person ? [person] : [];
    return element(
      'item',
      {},
      ...lines(3, [
        element('title', {}, item.title),
        element('description', {}, encoded ? (item.summary ?? '') : html),
        encoded && element('content:encoded', {}, html),
        element('pubDate', {}, date(item.published)),
        element('link', {}, item.url),
        element('guid', { isPermaLink: item.id === item.url ? 'true' : 'false' }, item.id),
        ...[...item.categories, ...item.tags].map((name) => element('category', {}, name)),
        ...(creator ? authors.map((author) => element('dc:creator', {}, author.name)) : []),
      ]),
    );
  });

  const generator = normalized.generator;
  const channel = element(
    'channel',
    {},
    ...lines(2, [
      element('title', {}, normalized.title),
      element('description', {}, normalized.description || normalized.title),
      element('link', {}, normalized.link),
      normalized.url && element('atom:link', { href: normalized.url, rel: 'self', type: 'application/rss+xml' }),
      normalized.language && element('language', {}, normalized.language),
      normalized.rights && element('copyright', {}, normalized.rights),
      normalized.updated && element('pubDate', {}, date(normalized.updated)),
      normalized.updated && element('lastBuildDate', {}, date(normalized.updated)),
      element('generator', {}, generator.version ? `${generator.name} v${generator.version}` : generator.name),
      normalized.icon &&
        element(
          'image',
          {},
          element('url', {}, normalized.icon),
          element('title', {}, normalized.title),
          element('link', {}, normalized.link),
        ),
      ...items,
    ]),
  );

  const namespaces: Record<string, string | undefined> = {
    version: '2.0',
    'xmlns:atom': normalized.url ? 'http://www.w3.org/2005/Atom' : undefined,
    'xmlns:content': encoded ? 'http://purl.org/rss/1.0/modules/content/' : undefined,
    'xmlns:dc': creator && items.length > 0 ? 'http://purl.org/dc/elements/1.1/' : undefined,
  };
  return xmlDocument(element('rss', namespaces, ...lines(1, [channel])), normalized.stylesheet);
}
