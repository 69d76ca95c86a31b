/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
 */
import { toXmlSchema } from '@blog/model';
import { normalizeFeed } from './validate.js';
import type { Feed, FeedOptions, Person } from './types.js';

const person = (author: Person) => ({ name: author.name, url: author.url });

/**
 * Renders a feed as JSON Feed 1.1, pretty-printed.
 *
 * @throws {FeedError} for a feed that would be invalid.
 */
export function jsonFeed(feed: Feed, options: Omit<FeedOptions, 'stylesheet'> = {}): string {
  const normalized = normalizeFeed(feed, options);
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: normalized.title,
    home_page_url: normalized.link,
    feed_url: normalized.url,
    description: normalized.description || undefined,
    icon: normalized.icon,
    authors: normalized.author ? [person(normalized.author)] : undefined,
    language: normalized.language,
    items: normalized.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_html: item.contentHtml ?? '',
      summary: item.summary,
      image: item.image,
      date_published: toXmlSchema(item.published),
      date_modified: toXmlSchema(item.updated),
      authors: item.authors.length > 0 ? item.authors.map(person) : undefined,
      tags:
        item.tags.length + item.categories.length > 0 ? [...new Set([...item.categories, ...item.tags])] : undefined,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
