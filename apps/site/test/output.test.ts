import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { loadBlog } from '@blog/model';
import { content, dist, htmlFiles, read } from './dist.ts';

const blog = await loadBlog(content);
const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['item', 'category', 'entry', 'url'].includes(name),
  }).parse(xml);

describe('the demo site, built', () => {
  test('has at least 12 posts over several years', () => {
    expect(blog.posts.length).toBeGreaterThanOrEqual(12);
    const years = new Set(blog.posts.map((post) => post.date.getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(4);
  });

  test('every post and page is at its Jekyll URL', () => {
    for (const document of [...blog.posts, ...blog.pages]) {
      expect(existsSync(join(dist, document.outputPath)), document.outputPath).toBe(true);
      // A redirect page (`redirect_to`) names its target as canonical.
      expect(read(document.outputPath)).toContain(
        `<link rel="canonical" href="${document.redirectTo ?? document.url}">`,
      );
    }
    // A post saved at 00:30 on the 6th (+02:00) is the 5th in Europe/Madrid.
    expect(existsSync(join(dist, '2024/03/05/written-after-midnight.html'))).toBe(true);
  });

  test('the home page is paginated as jekyll-paginate does it', () => {
    const pages = Math.ceil(blog.posts.length / blog.site.paginate!);
    expect(read('index.html')).toContain(`Page: 1 of ${pages}`);
    for (let n = 2; n <= pages; n++) expect(read(`page${n}/index.html`)).toContain(`Page: ${n} of ${pages}`);
    expect(existsSync(join(dist, `page${pages + 1}`))).toBe(false);
    // Newest first, with excerpts cut at <!--more-->.
    const home = read('index.html');
    expect(home.indexOf(blog.posts[0]!.title)).toBeLessThan(home.indexOf(blog.posts[1]!.title));
    expect(home).not.toContain('The printer never changes');
  });

  test('the RSS feed carries the last 10 posts with full HTML, tags as categories, absolute URLs', () => {
    const channel = parse(read('feed.xml')).rss.channel;
    expect(channel['atom:link']['@href']).toBe('https://packet-path.example/feed.xml');
    expect(channel.item.map((item: { link: string }) => item.link)).toEqual(
      blog.posts.slice(0, 10).map((post) => post.url),
    );
    const post = blog.posts.find((entry) => entry.slug === 'two-networks-one-router')!;
    const index = blog.posts.indexOf(post);
    if (index < 10) {
      const item = channel.item[index];
      expect(item.category).toEqual(post.tags);
      expect(item.description).toContain('src="https://packet-path.example/assets/two-networks.png"');
    }
    for (const item of channel.item) expect(item.description).not.toMatch(/(?:href|src)="\//);
    expect(parse(read('atom.xml')).feed.entry).toHaveLength(10);
    expect(JSON.parse(read('feed.json')).items).toHaveLength(10);
  });

  test('archive, tags, per-tag feeds, sitemap, robots, redirects, 404, search and static files', () => {
    const archive = read('archive/index.html');
    for (const post of blog.posts) expect(archive).toContain(`href="${post.permalink}"`);
    expect(read('tags/networking/index.html')).toContain('Posts tagged “networking”');
    const tagFeed = parse(read('tags/networking/feed.xml')).rss.channel;
    expect(tagFeed.item.every((item: { category: string[] }) => item.category.includes('networking'))).toBe(true);
    const sitemap = parse(read('sitemap.xml')).urlset.url.map((url: { loc: string }) => url.loc);
    for (const post of blog.posts) expect(sitemap).toContain(post.url);
    expect(read('robots.txt')).toContain('Sitemap: https://packet-path.example/sitemap.xml');
    const redirect = read('moving-posts/index.html');
    expect(redirect).toContain(
      '<meta http-equiv="refresh" content="0; url=https://packet-path.example/2024/07/22/moving-posts-without-breaking-links.html">',
    );
    expect(read('2024/07/22/old-address.html')).toContain('rel="canonical"');
    expect(read('404.html')).toContain('Page not found');
    expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(dist, 'assets/two-networks.png'))).toBe(true);
    expect(existsSync(join(dist, 'feed.xsl'))).toBe(true);
  });

  test('pages need no client JavaScript (only the search page loads Pagefind)', () => {
    for (const file of htmlFiles()) {
      const scripts = read(file).match(/<script(?![^>]*application\/ld\+json)[^>]*>/g) ?? [];
      if (file === 'search/index.html') expect(scripts.length).toBeGreaterThan(0);
      else expect(scripts, file).toEqual([]);
    }
  });
});
