export { atom } from './atom.js';
export { blogFeed, blogFeedBase, postFeedItem, type BlogFeedOptions, type FeedContent } from './from-blog.js';
export { jsonFeed } from './json-feed.js';
export { feedLinks, type FeedLink } from './links.js';
export { feedStylesheet } from './stylesheet.js';
export { rss, type RssOptions } from './rss.js';
export type { Feed, FeedItem, FeedOptions, Person } from './types.js';
export { FeedError, normalizeFeed, type NormalizedFeed, type NormalizedItem } from './validate.js';
export {
  element,
  removeForbiddenXmlCharacters,
  xmlAttribute,
  xmlDocument,
  xmlText,
  XmlMarkup,
  type XmlChild,
} from './xml.js';
