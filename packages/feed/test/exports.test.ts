import { expect, test } from 'vitest';
import * as feed from '@blog/feed';

test('the public API is exactly this list', () => {
  expect(Object.keys(feed).sort()).toMatchInlineSnapshot(`
    [
      "FeedError",
      "XmlMarkup",
      "atom",
      "blogFeed",
      "blogFeedBase",
      "element",
      "feedLinks",
      "feedStylesheet",
      "jsonFeed",
      "normalizeFeed",
      "postFeedItem",
      "removeForbiddenXmlCharacters",
      "rss",
      "xmlAttribute",
      "xmlDocument",
      "xmlText",
    ]
  `);
});
