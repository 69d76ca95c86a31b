/**
 * Autodiscovery: the `<link rel="alternate">` elements a page's head needs
 * so browsers and readers find the feeds.
 */

/** One `<link>` of a page's head. */
export interface FeedLink {
  rel: 'alternate';
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  href: string;
  title: string;
}

/**
 * The autodiscovery links for the feeds a site publishes.
 *
 * @param title The site's title; each link's title adds the format.
 * @param urls URL of each feed published (absolute or site-relative).
 */
export function feedLinks(title: string, urls: { rss?: string; atom?: string; json?: string }): FeedLink[] {
  const links: FeedLink[] = [];
  if (urls.rss) links.push({ rel: 'alternate', type: 'application/rss+xml', href: urls.rss, title: `${title} (RSS)` });
  if (urls.atom)
    links.push({ rel: 'alternate', type: 'application/atom+xml', href: urls.atom, title: `${title} (Atom)` });
  if (urls.json)
    links.push({ rel: 'alternate', type: 'application/feed+json', href: urls.json, title: `${title} (JSON Feed)` });
  return links;
}
