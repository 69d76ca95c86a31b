import { describe, expect, test } from 'vitest';
import { rss } from '@blog/feed';
import { parseXml, sampleFeed, text } from './helpers.ts';

const rfc822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const weekday = (value: string) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(value).getUTCDay()];

describe('rss', () => {
  const feed = sampleFeed();
  const xml = rss(feed);
  const channel = parseXml(xml).rss.channel;

  test('carries what the reference feed carries', () => {
    expect(parseXml(xml).rss['@version']).toBe('2.0');
    expect(text(channel.title)).toBe('Packet Path');
    expect(text(channel.description)).toBe('Notes on networks, Debian & automation.');
    expect(text(channel.link)).toBe('https://packets.example.org/');
    expect(channel['atom:link']).toEqual([
      { '@href': 'https://packets.example.org/feed.xml', '@rel': 'self', '@type': 'application/rss+xml' },
    ]);
    expect(text(channel.generator)).toBe('@blog/feed');
    expect(text(channel.language)).toBe('en');
    expect(text(channel.copyright)).toBe('CC BY-SA 4.0');
  });

  test('the last 10 posts, newest first; the feed is dated by its newest item', () => {
    expect(channel.item).toHaveLength(10);
    const newest = feed.items.reduce((a, b) => (a.published > b.published ? a : b));
    expect(text(channel.item[0].title)).toBe(newest.title);
    expect(text(channel.pubDate)).toBe(text(channel.item[0].pubDate));
    expect(text(channel.lastBuildDate)).toBe(text(channel.item[0].pubDate));
    const dates = channel.item.map((item: any) => new Date(text(item.pubDate)).getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  test('items: title, full HTML description that parses back exactly, pubDate, link, guid, categories', () => {
    const item = channel.item.find((entry: any) => text(entry.link).endsWith('post-0.html'));
    const source = feed.items[0]!;
    expect(text(item.title)).toBe(source.title);
    expect(text(item.description)).toBe(source.contentHtml);
    expect(text(item.link)).toBe(source.url);
    expect(item.guid).toEqual({ '#text': source.url, '@isPermaLink': 'true' });
    // Categories, then tags, as jekyll-feed writes them.
    expect(item.category.map(text)).toEqual(['infrastructure', 'opentofu', 'wikimedia foundation']);
    expect(text(item.pubDate)).toBe('Mon, 18 Mar 2024 00:00:00 +0000');
  });

  test('RFC 822 dates with the right weekday; unique guids; absolute links', () => {
    for (const value of [text(channel.pubDate), ...channel.item.map((item: any) => text(item.pubDate))]) {
      expect(value).toMatch(rfc822);
      expect(value.slice(0, 3)).toBe(weekday(value));
    }
    const guids = channel.item.map((item: any) => text(item.guid));
    expect(new Set(guids).size).toBe(guids.length);
    for (const item of channel.item) expect(text(item.link)).toMatch(/^https:\/\//);
    expect(rss(feed, { timeZone: 'Europe/Madrid' })).toContain('<pubDate>Mon, 18 Mar 2024 01:00:00 +0100</pubDate>');
  });

  test('content:encoded and dc:creator when configured, with their namespaces only then', () => {
    expect(xml).not.toContain('xmlns:content');
    expect(xml).not.toContain('xmlns:dc');
    const rich = parseXml(rss(feed, { content: 'content:encoded', creator: true })).rss;
    expect(rich['@xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rich['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    const item = rich.channel.item[0];
    expect(text(item['content:encoded'])).toBe(feed.items.find((entry) => entry.url === text(item.link))!.contentHtml);
    expect(text(item.description)).toMatch(/^Summary of post/);
    expect(item['dc:creator'].map(text)).toEqual(['Ada Example']);
  });

  test('a limit, and a stylesheet for browsers', () => {
    expect(parseXml(rss(feed, { limit: 3 })).rss.channel.item).toHaveLength(3);
    expect(rss(feed, { stylesheet: '/feed.xsl' })).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<\?xml-stylesheet type="text\/xsl" href="\/feed.xsl"\?>\n<rss /,
    );
  });

  test('the whole document', async () => {
    await expect(rss(feed, { limit: 2 })).toMatchFileSnapshot('fixtures/rss.xml');
  });
});
