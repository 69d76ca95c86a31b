/**
 * Issue #16, part 3: a post's updated date (`last_modified_at`) is shown on the post and used for the
 * sitemap's `<lastmod>`, Atom's `<updated>`, JSON Feed's `date_modified` and JSON-LD's `dateModified`.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { loadBlog, toXmlSchema, type Post } from '@blog/model';
import { content, read } from './dist.ts';

const blog = await loadBlog(content);
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'entry'].includes(name) }).parse(xml);
const jsonLd = (post: Post) =>
  JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(read(post.outputPath))![1]!);

describe('updated dates, built', () => {
  const updated = blog.posts.filter((post) => post.updated);
  const plain = blog.posts.filter((post) => !post.updated && !post.redirectTo);

  test('the demo has a post with last_modified_at, among the ten in the feeds', () => {
    expect(updated.length).toBeGreaterThan(0);
    expect(blog.posts.slice(0, 10).some((post) => post.updated)).toBe(true);
  });

  test('the post shows "Updated <date>" with its machine-readable date; others do not', () => {
    for (const post of updated) {
      const html = read(post.outputPath);
      const match =
        /<span class="post-meta__updated">\s*Updated\s*<time class="dt-updated" datetime="([^"]+)" itemprop="dateModified">([^<]+)<\/time>/.exec(
          html,
        );
      expect(match, post.sourcePath).not.toBeNull();
      expect(match![1]).toBe(post.updated!.toISOString());
      expect(match![2]).toBe(
        new Intl.DateTimeFormat('en', {
          timeZone: 'Europe/Madrid',
          month: 'short',
          day: 'numeric',
          year: 'numeric',
        }).format(post.updated),
      );
    }
    for (const post of plain) expect(read(post.outputPath), post.sourcePath).not.toContain('post-meta__updated');
  });

  test('JSON-LD dateModified is the updated date, else the publication date', () => {
    for (const post of updated) expect(jsonLd(post).dateModified).toBe(post.updated!.toISOString());
    for (const post of plain) expect(jsonLd(post).dateModified).toBe(post.date.toISOString());
  });

  test('sitemap <lastmod>, Atom <updated> and JSON Feed date_modified use it', () => {
    const lastmod = new Map(
      parse(read('sitemap.xml')).urlset.url.map((url: { loc: string; lastmod?: string }) => [url.loc, url.lastmod]),
    );
    const atom = new Map(
      parse(read('atom.xml')).feed.entry.map((entry: { id: string; updated: string; link: { '@_href': string } }) => [
        entry.link['@_href'],
        entry.updated,
      ]),
    );
    const json = new Map(
      JSON.parse(read('feed.json')).items.map((item: { url: string; date_modified?: string }) => [
        item.url,
        item.date_modified,
      ]),
    );
    for (const post of updated) {
      expect(lastmod.get(post.url)).toBe(toXmlSchema(post.updated!));
      if (atom.has(post.url)) {
        expect(new Date(atom.get(post.url) as string).toISOString()).toBe(post.updated!.toISOString());
        expect(new Date(json.get(post.url) as string).toISOString()).toBe(post.updated!.toISOString());
      }
    }
    const inFeeds = updated.filter((post) => atom.has(post.url));
    expect(inFeeds.length).toBeGreaterThan(0);
    for (const post of plain.filter((item) => atom.has(item.url))) {
      expect(new Date(atom.get(post.url) as string).toISOString()).toBe(post.date.toISOString());
      expect(lastmod.get(post.url)).toBe(toXmlSchema(post.date));
    }
  });
});
