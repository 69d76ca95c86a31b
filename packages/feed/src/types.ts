/**
 * The one neutral model every feed format is rendered from.
 */

/** A person: a feed's or an item's author. */
export interface Person {
  name: string;
  email?: string | undefined;
  /** Absolute URL of their page. */
  url?: string | undefined;
}

/** One entry of a feed: a post. */
export interface FeedItem {
  /** A permanent, unique id; default: `url`. */
  id?: string | undefined;
  /** Absolute URL of the post. */
  url: string;
  title: string;
  /** The post as HTML, with absolute URLs (see `@blog/markdown`'s `baseUrl`). */
  contentHtml?: string | undefined;
  /** A short plain-text summary (the excerpt). */
  summary?: string | undefined;
  /** When it was published. */
  published: Date;
  /** When it was last changed; default: `published`. */
  updated?: Date | undefined;
  tags?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  authors?: readonly Person[] | undefined;
  /** Absolute URL of the post's main image. */
  image?: string | undefined;
}

/** A feed: the site and its newest items. */
export interface Feed {
  title: string;
  description?: string | undefined;
  /** Absolute URL of the site's home page. */
  link: string;
  /** Absolute URL the feed is published at (the self link); set per format by the renderers' `url` option. */
  url?: string | undefined;
  /** BCP 47 language tag, such as `en` or `es-ES`. */
  language?: string | undefined;
  /** Whoever writes the site; items without authors are theirs. */
  author?: Person | undefined;
  /** Copyright or licence statement, such as `CC BY-SA 4.0`. */
  rights?: string | undefined;
  /** Absolute URL of an icon or logo. */
  icon?: string | undefined;
  /** The program that made the feed; default `{ name: '@blog/feed' }`. */
  generator?: { name: string; version?: string | undefined; url?: string | undefined } | undefined;
  items: readonly FeedItem[];
}

/** Options shared by the three renderers. */
export interface FeedOptions {
  /** Absolute URL this rendering is published at, for the self link; default: `feed.url`. */
  url?: string | undefined;
  /** Most items to include, newest first; default 10 (as Jekyll's feed). `Infinity` for all. */
  limit?: number | undefined;
  /** Absolute or site-relative URL of an XSL stylesheet for browsers (RSS and Atom only); default: none. */
  stylesheet?: string | undefined;
  /** IANA time zone RSS dates are written in; default UTC (`+0000`), as GitHub Pages builds. */
  timeZone?: string | undefined;
}
