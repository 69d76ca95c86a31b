import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { jsonFeed } from '@blog/feed';
import { sampleFeed } from './helpers.ts';

// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), as a schema.
const url = z.url({ protocol: /^https?$/ });
const date = z.iso.datetime({ offset: true });
const author = z.strictObject({ name: z.string().optional(), url: url.optional(), avatar: url.optional() });
const schema = z.strictObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: url.optional(),
  feed_url: url.optional(),
  description: z.string().optional(),
  icon: url.optional(),
  authors: z.array(author).optional(),
  language: z.string().optional(),
  items: z.array(
    z
      .strictObject({
        id: z.string().min(1),
        url: url.optional(),
        title: z.string().optional(),
        content_html: z.string().optional(),
        content_text: z.string().optional(),
        summary: z.string().optional(),
        image: url.optional(),
        date_published: date.optional(),
        date_modified: date.optional(),
        authors: z.array(author).optional(),
        tags: z.array(z.string()).optional(),
      })
      .refine(
        (item) => item.content_html !== undefined || item.content_text !== undefined,
        'content_html or content_text',
      ),
  ),
});

describe('jsonFeed (JSON Feed 1.1)', () => {
  const feed = sampleFeed();
  const document = JSON.parse(jsonFeed(feed));

  test('passes the JSON Feed 1.1 schema', () => {
    expect(schema.safeParse(document).error?.issues).toBeUndefined();
  });

  test('carries every field of the model', () => {
    expect(document).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Packet Path',
      home_page_url: 'https://packets.example.org/',
      feed_url: 'https://packets.example.org/feed.xml',
      authors: [{ name: 'Ada Example', url: 'https://packets.example.org/about/' }],
      language: 'en',
    });
    expect(document.items).toHaveLength(10);
    const item = document.items.find((entry: any) => entry.url.endsWith('post-0.html'));
    expect(item).toEqual({
      id: feed.items[0]!.url,
      url: feed.items[0]!.url,
      title: feed.items[0]!.title,
      content_html: feed.items[0]!.contentHtml,
      summary: 'Summary of post 0.',
      date_published: '2024-03-18T00:00:00+00:00',
      date_modified: '2024-03-18T00:00:00+00:00',
      tags: ['infrastructure', 'opentofu', 'wikimedia foundation'],
    });
  });
});
