import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atom, jsonFeed, removeForbiddenXmlCharacters, rss, type Feed } from '@blog/feed';
import { parseXml, text } from './helpers.ts';

// Any text a post could hold, including markup, entities, `]]>`, controls and astral characters.
const anyText = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 60 })
  .filter((value) => removeForbiddenXmlCharacters(value).trim() !== '');
const html = fc
  .array(
    fc.oneof(
      anyText,
      fc.constantFrom('<p>', '</p>', '<a href="x?a=1&b=2">', ']]>', '&amp;', '&lt;', '<![CDATA[', '"\''),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const feedOf = (title: string, tags: string[], content: string): Feed => ({
  title,
  link: 'https://example.org/',
  url: 'https://example.org/feed.xml',
  author: { name: title },
  items: [
    { url: 'https://example.org/a.html', title, contentHtml: content, summary: title, published: new Date(0), tags },
  ],
});

/** What an XML reader gets back: forbidden characters removed; XML has no way to carry them. */
const expected = (value: string) => removeForbiddenXmlCharacters(value);

describe('arbitrary titles, tags and HTML always give well-formed feeds that parse back to the same text', () => {
  test('RSS', () => {
    fc.assert(
      fc.property(anyText, fc.array(anyText, { maxLength: 4 }), html, (title, tags, content) => {
        const channel = parseXml(rss(feedOf(title, tags, content))).rss.channel;
        expect(text(channel.title)).toBe(expected(title));
        expect(text(channel.item[0].description)).toBe(expected(content));
        expect((channel.item[0].category ?? []).map(text)).toEqual(tags.map(expected));
      }),
      { numRuns: 300 },
    );
  });

  test('Atom', () => {
    fc.assert(
      fc.property(anyText, fc.array(anyText, { maxLength: 4 }), html, (title, tags, content) => {
        const feed = parseXml(atom(feedOf(title, tags, content))).feed;
        expect(text(feed.entry[0].title)).toBe(expected(title));
        expect(text(feed.entry[0].content)).toBe(expected(content));
        expect((feed.entry[0].category ?? []).map((category: Record<string, string>) => category['@term'])).toEqual(
          tags.map(expected),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('JSON Feed', () => {
    fc.assert(
      fc.property(anyText, fc.array(anyText, { maxLength: 4 }), html, (title, tags, content) => {
        const document = JSON.parse(jsonFeed(feedOf(title, tags, content)));
        expect(document.items[0].title).toBe(title);
        expect(document.items[0].content_html).toBe(content);
      }),
      { numRuns: 300 },
    );
  });
});
