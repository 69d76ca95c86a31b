/**
 * Checks a feed before any format is written, and puts it in order: newest
 * item first, the limit applied, ids and dates filled in. A feed that would
 * be broken is an error naming every bad item, never a broken file.
 */
import type { Feed, FeedItem, FeedOptions, Person } from './types.js';

/** Thrown for a feed that cannot be written; `problems` lists each one. */
export class FeedError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`[@blog/feed] cannot write the feed:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'FeedError';
    this.problems = problems;
  }
}

/** A feed item with every default filled in. */
export interface NormalizedItem extends FeedItem {
  id: string;
  updated: Date;
  tags: readonly string[];
  categories: readonly string[];
  authors: readonly Person[];
}

/** A feed ready to render. */
export interface NormalizedFeed extends Omit<Feed, 'items'> {
  /** The self link of this rendering. */
  url?: string | undefined;
  items: NormalizedItem[];
  /** The newest change of any item: the feed's date, so a rebuild with no new post writes the same feed. */
  updated?: Date | undefined;
  generator: { name: string; version?: string | undefined; url?: string | undefined };
  stylesheet?: string | undefined;
}

const isAbsolute = (value: string): boolean => /^https?:\/\/[^/\s]+/i.test(value);
const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/**
 * Validates and orders a feed.
 *
 * @throws {FeedError} listing every problem: a missing title or link, a
 *   relative URL, an invalid date, a duplicate id.
 */
export function normalizeFeed(feed: Feed, options: FeedOptions = {}): NormalizedFeed {
  const problems: string[] = [];
  if (!feed.title?.trim()) problems.push('the feed has no `title`');
  if (!feed.link || !isAbsolute(feed.link)) {
    problems.push(`the feed's \`link\` must be an absolute http(s) URL, got \`${feed.link ?? ''}\``);
  }
  const url = options.url ?? feed.url;
  if (url !== undefined && !isAbsolute(url))
    problems.push(`the feed's \`url\` must be an absolute http(s) URL, got \`${url}\``);

  const seen = new Map<string, number>();
  feed.items.forEach((item, index) => {
    const name = `item ${index + 1} (${item.title ? `“${item.title}”` : 'untitled'}${item.url ? `, ${item.url}` : ''})`;
    if (!item.title?.trim()) problems.push(`${name}: no \`title\``);
    if (!item.url || !isAbsolute(item.url))
      problems.push(`${name}: \`url\` must be an absolute http(s) URL, got \`${item.url ?? ''}\``);
    if (!isDate(item.published)) problems.push(`${name}: \`published\` is not a valid date`);
    if (item.updated !== undefined && !isDate(item.updated)) problems.push(`${name}: \`updated\` is not a valid date`);
    const id = item.id ?? item.url;
    const first = seen.get(id);
    if (first !== undefined) problems.push(`${name}: id \`${id}\` is also the id of item ${first + 1}`);
    else seen.set(id, index);
  });
  if (problems.length > 0) throw new FeedError(problems);

  const limit = options.limit ?? 10;
  const items = feed.items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => b.item.published.getTime() - a.item.published.getTime() || a.order - b.order)
    .slice(0, Math.max(0, limit))
    .map(({ item }): NormalizedItem => ({
      ...item,
      id: item.id ?? item.url,
      updated: item.updated ?? item.published,
      tags: item.tags ?? [],
      categories: item.categories ?? [],
      authors: item.authors ?? [],
    }));
  const updated = items.reduce<Date | undefined>(
    (newest, item) => (!newest || item.updated > newest ? item.updated : newest),
    undefined,
  );
  return {
    ...feed,
    url,
    items,
    updated,
    generator: feed.generator ?? { name: '@blog/feed' },
    stylesheet: options.stylesheet,
  };
}
