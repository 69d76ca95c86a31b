import { describe, expect, test } from 'vitest';
import { atom, FeedError } from '@blog/feed';
import { parseXml, sampleFeed, text } from './helpers.ts';

describe('atom (RFC 4287)', () => {
  const feed = sampleFeed();
  const root = parseXml(atom({ ...feed, url: 'https://packets.example.org/atom.xml' })).feed;

  test('feed: id, title, updated, self and alternate links, author, rights, generator', () => {
    expect(root['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(root['@xml:lang']).toBe('en');
    expect(text(root.id)).toBe('https://packets.example.org/atom.xml');
    expect(text(root.title)).toBe('Packet Path');
    expect(text(root.subtitle)).toBe('Notes on networks, Debian & automation.');
    expect(text(root.updated)).toBe('2024-03-18T00:00:00+00:00');
    expect(root.link).toEqual([
      { '@rel': 'self', '@type': 'application/atom+xml', '@href': 'https://packets.example.org/atom.xml' },
      { '@rel': 'alternate', '@type': 'text/html', '@href': 'https://packets.example.org/' },
    ]);
    expect(root.author[0]).toMatchObject({ name: 'Ada Example', email: 'ada@example.org' });
    expect(text(root.rights)).toBe('CC BY-SA 4.0');
    expect(text(root.generator)).toBe('@blog/feed');
  });

  test('entries: id, title, link, published, updated, summary, HTML content that parses back, categories', () => {
    expect(root.entry).toHaveLength(10);
    const entry = root.entry.find((item: any) => item.link[0]['@href'].endsWith('post-0.html'));
    const source = feed.items[0]!;
    expect(text(entry.id)).toBe(source.url);
    expect(text(entry.title)).toBe(source.title);
    expect(text(entry.published)).toBe('2024-03-18T00:00:00+00:00');
    expect(text(entry.updated)).toBe('2024-03-18T00:00:00+00:00');
    expect(entry.content['@type']).toBe('html');
    expect(text(entry.content)).toBe(source.contentHtml);
    expect(text(entry.summary)).toBe('Summary of post 0.');
    // Categories, then tags, as jekyll-feed writes them.
    expect(entry.category.map((category: any) => category['@term'])).toEqual([
      'infrastructure',
      'opentofu',
      'wikimedia foundation',
    ]);
  });

  test('an author is required, for the feed or every entry', () => {
    expect(() => atom({ ...feed, author: undefined })).toThrow(FeedError);
    const everyEntry = {
      ...feed,
      author: undefined,
      items: feed.items.map((item) => ({ ...item, authors: [{ name: 'Ada' }] })),
    };
    expect(parseXml(atom(everyEntry)).feed.entry[0].author[0].name).toBe('Ada');
  });

  test('the whole document', async () => {
    await expect(atom(feed, { limit: 2 })).toMatchFileSnapshot('fixtures/atom.xml');
  });
});
