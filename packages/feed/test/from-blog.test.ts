import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { blogFeed, feedLinks, rss } from '@blog/feed';
import { loadBlog } from '@blog/model';
import { parseXml, text } from './helpers.ts';

const root = fileURLToPath(new URL('../../model/test/fixtures/jekyll-site/', import.meta.url));

describe('blogFeed: a feed from @blog/model posts rendered by @blog/markdown', () => {
  test('items are the newest posts with absolute HTML, tags and categories', async () => {
    const blog = await loadBlog(root, { now: new Date('2026-01-01T00:00:00Z') });
    const feed = await blogFeed(blog);
    expect(feed).toMatchObject({
      title: 'Packet Path',
      description: 'Notes on networks, Debian and automation.',
      link: 'https://packets.example.org/',
      language: 'en',
      author: { name: 'Packet Path', email: 'ada@example.org' },
    });
    expect(feed.items.map((item) => item.url)).toEqual(blog.posts.map((post) => post.url));
    const channel = parseXml(rss(feed, { url: 'https://packets.example.org/feed.xml' })).rss.channel;
    const first = channel.item[0];
    expect(text(first.title)).toBe('Moving state files: from Terraform to OpenTofu');
    expect(first.category.map(text)).toEqual(['opentofu', 'iac', 'wikimedia foundation']);
    const html = text(first.description);
    expect(html).toContain('<h2 id="backing-up">Backing up</h2>');
    expect(html).toContain('href="https://packets.example.org/2023/12/14/terraform-to-tofu.html#fn:1"');
    expect(html).not.toMatch(/(?:href|src)="\//);
    const late = channel.item.find((item: any) => text(item.link).endsWith('late-night.html'));
    expect(late.category.map(text)).toEqual(['networking', 'debian', 'nftables']);
    // A link written relative to the site becomes absolute.
    const fromName = channel.item.find((item: any) => text(item.link).endsWith('/custom/2023/no-front-date/'));
    expect(text(fromName.description)).toContain(
      '<a href="https://packets.example.org/2023/05/31/hackathon.html">hackathon notes</a>',
    );
  });

  test('content already rendered, or being rendered, is used instead of rendering again', async () => {
    const blog = await loadBlog(root, { now: new Date('2026-01-01T00:00:00Z') });
    const asked: string[] = [];
    const feed = await blogFeed(blog, {
      limit: 2,
      content: async (post) => {
        asked.push(post.slug);
        return { html: `<p>${post.slug}</p>`, excerptText: post.slug };
      },
    });
    expect(asked).toEqual(['terraform-to-tofu', 'late-night']);
    expect(feed.items.map((item) => item.contentHtml)).toEqual(['<p>terraform-to-tofu</p>', '<p>late-night</p>']);
  });

  test('a per-tag feed, and a limit', async () => {
    const blog = await loadBlog(root, { now: new Date('2026-01-01T00:00:00Z') });
    const tagged = await blogFeed(blog, { tag: 'debian' });
    expect(tagged.title).toBe('Packet Path: debian');
    expect(tagged.items.map((item) => item.title)).toEqual(['Late night: a post written near midnight']);
    expect((await blogFeed(blog, { limit: 2 })).items).toHaveLength(2);
  });
});

test('feedLinks gives the autodiscovery links of a page head', () => {
  expect(feedLinks('Packet Path', { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' })).toEqual([
    { rel: 'alternate', type: 'application/rss+xml', href: '/feed.xml', title: 'Packet Path (RSS)' },
    { rel: 'alternate', type: 'application/atom+xml', href: '/atom.xml', title: 'Packet Path (Atom)' },
    { rel: 'alternate', type: 'application/feed+json', href: '/feed.json', title: 'Packet Path (JSON Feed)' },
  ]);
});
