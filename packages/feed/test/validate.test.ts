import { describe, expect, test } from 'vitest';
import { atom, FeedError, jsonFeed, rss, type Feed } from '@blog/feed';
import { sampleFeed } from './helpers.ts';

describe('bad input is a clear error naming the item, never a broken feed', () => {
  test('every problem at once', () => {
    const feed = sampleFeed();
    const broken: Feed = {
      ...feed,
      title: '',
      link: '/',
      items: [
        { ...feed.items[0]!, title: '' },
        { ...feed.items[1]!, url: '/2024/relative.html' },
        { ...feed.items[2]!, published: new Date('not a date') },
        { ...feed.items[3]!, url: feed.items[4]!.url },
        feed.items[4]!,
      ],
    };
    for (const render of [rss, atom, jsonFeed]) {
      let error: FeedError | undefined;
      try {
        render(broken);
      } catch (caught) {
        error = caught as FeedError;
      }
      expect(error).toBeInstanceOf(FeedError);
      expect(error!.problems).toEqual([
        'the feed has no `title`',
        "the feed's `link` must be an absolute http(s) URL, got `/`",
        `item 1 (untitled, ${feed.items[0]!.url}): no \`title\``,
        'item 2 (“Post number 1”, /2024/relative.html): `url` must be an absolute http(s) URL, got `/2024/relative.html`',
        `item 3 (“Post number 2”, ${feed.items[2]!.url}): \`published\` is not a valid date`,
        `item 5 (“Post number 4”, ${feed.items[4]!.url}): id \`${feed.items[4]!.url}\` is also the id of item 4`,
      ]);
    }
  });

  test('a relative self URL', () => {
    expect(() => rss(sampleFeed(), { url: '/feed.xml' })).toThrow(
      "the feed's `url` must be an absolute http(s) URL, got `/feed.xml`",
    );
  });

  test('an empty feed is still a valid, reproducible feed', () => {
    const empty = { ...sampleFeed(), items: [] };
    expect(rss(empty)).not.toContain('<pubDate>');
    expect(atom(empty)).toContain('<updated>1970-01-01T00:00:00+00:00</updated>');
    expect(rss(empty)).toBe(rss(empty));
  });
});
