/**
 * Atom 1.0 (RFC 4287): feed id, title, updated, self and alternate links,
 * author, rights, generator; entries with id, title, link, published,
 * updated, summary, HTML content and categories.
 */
import { toXmlSchema } from '@blog/model';
import { FeedError, normalizeFeed } from './validate.js';
import type { Feed, FeedOptions, Person } from './types.js';
import { element, indented as lines, xmlDocument } from './xml.js';

function author(person: Person) {
  return element(
    'author',
    {},
    element('name', {}, person.name),
    person.email && element('email', {}, person.email),
    person.url && element('uri', {}, person.url),
  );
}

/**
 * Renders a feed as Atom 1.0.
 *
 * @throws {FeedError} for a feed that would be invalid, including one with
 *   no author for the feed nor for every entry (RFC 4287 requires one).
 */
export function atom(feed: Feed, options: FeedOptions = {}): string {
  const normalized = normalizeFeed(feed, options);
  if (!normalized.author && normalized.items.some((item) => item.authors.length === 0)) {
    throw new FeedError(['Atom needs an author: set the feed’s `author`, or `authors` on every item']);
  }
  const date = (value: Date) => toXmlSchema(value);
  const entries = normalized.items.map((item) =>
    element(
      'entry',
      {},
      ...lines(2, [
        element('id', {}, item.id),
        element('title', { type: 'text' }, item.title),
        element('link', { rel: 'alternate', type: 'text/html', href: item.url }),
        element('published', {}, date(item.published)),
        element('updated', {}, date(item.updated)),
        ...item.authors.map(author),
        item.summary && element('summary', { type: 'text' }, item.summary),
        item.contentHtml !== undefined && element('content', { type: 'html' }, item.contentHtml),
        ...[...item.categories, ...item.tags].map((term) => element('category', { term })),
      ]),
    ),
  );
  const generator = normalized.generator;
  const root = element(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': normalized.language },
    ...lines(1, [
      element('id', {}, normalized.url ?? normalized.link),
      element('title', { type: 'text' }, normalized.title),
      normalized.description && element('subtitle', { type: 'text' }, normalized.description),
      // An empty feed is dated by nothing that changes: the epoch keeps rebuilds identical.
      element('updated', {}, date(normalized.updated ?? new Date(0))),
      normalized.url && element('link', { rel: 'self', type: 'application/atom+xml', href: normalized.url }),
      element('link', { rel: 'alternate', type: 'text/html', href: normalized.link }),
      normalized.author && author(normalized.author),
      normalized.rights && element('rights', {}, normalized.rights),
      element('generator', { uri: generator.url, version: generator.version }, generator.name),
      normalized.icon && element('icon', {}, normalized.icon),
      ...entries,
    ]),
  );
  return xmlDocument(root, normalized.stylesheet);
}
