/**
 * Issue #16, part 4: series. Every part of a series has a box listing all parts in reading order with
 * itself marked, links to the previous and next parts, and a link to the page of the series.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { describe, expect, test } from 'vitest';
import { loadBlog, seriesIndex } from '@blog/model';
import { content, dist, read } from './dist.ts';

const blog = await loadBlog(content);
const index = seriesIndex(blog.posts, { source: content });

function select(node: Root | Element, test: (element: Element) => boolean, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    select(child, test, found);
  }
  return found;
}

const hasClass = (name: string) => (element: Element) =>
  Array.isArray(element.properties.className) && element.properties.className.includes(name);

const text = (node: Element): string =>
  node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : ''))
    .join('');

describe('series, built', () => {
  test('the demo has a series of at least three posts', () => {
    expect(index.series.some((series) => series.posts.length >= 3)).toBe(true);
  });

  test('each part has a box: all parts in order, itself marked, previous/next in the series, the series page', () => {
    for (const series of index.series) {
      for (const [position, post] of series.posts.entries()) {
        const tree = fromHtml(read(post.outputPath));
        const [box, ...more] = select(tree, hasClass('series-box'));
        expect(box, post.sourcePath).toBeDefined();
        expect(more).toEqual([]);
        const items = select(box!, (element) => element.tagName === 'li');
        expect(items.map(text)).toEqual(series.posts.map((part) => part.title));
        const current = items.filter((item) => item.properties.ariaCurrent === 'page');
        expect(current).toEqual([items[position]]);
        // Every other part is a link to its page; the current one is not a link.
        for (const [n, item] of items.entries()) {
          const links = select(item, (element) => element.tagName === 'a').map((a) => a.properties.href);
          expect(links).toEqual(n === position ? [] : [series.posts[n]!.permalink]);
        }
        const link = (name: string) => select(box!, hasClass(name)).map((a) => a.properties.href as string)[0];
        expect(link('series-box__previous')).toBe(series.posts[position - 1]?.permalink);
        expect(link('series-box__next')).toBe(series.posts[position + 1]?.permalink);
        expect(text(box!)).toContain(`Part ${position + 1} of ${series.posts.length}`);
        const title = select(box!, hasClass('series-box__title'))[0]!;
        expect(select(title, (element) => element.tagName === 'a')[0]?.properties.href).toBe(`/series/${series.slug}/`);
      }
    }
  });

  test('posts in no series have no box', () => {
    const inSeries = new Set(index.series.flatMap((series) => series.posts));
    const others = blog.posts.filter((post) => !inSeries.has(post) && !post.redirectTo);
    expect(others.length).toBeGreaterThan(0);
    for (const post of others) expect(read(post.outputPath), post.sourcePath).not.toContain('class="series-box"');
  });

  test('each series has a page listing its parts in order, in the sitemap', () => {
    const sitemap = read('sitemap.xml');
    for (const series of index.series) {
      const file = `series/${series.slug}/index.html`;
      expect(existsSync(join(dist, file)), file).toBe(true);
      const tree = fromHtml(read(file));
      expect(text(select(tree, (element) => element.tagName === 'h1')[0]!)).toBe(`Series: ${series.name}`);
      const links = select(tree, hasClass('post-link')).map((a) => a.properties.href);
      expect(links).toEqual(series.posts.map((post) => post.permalink));
      expect(sitemap).toContain(`<loc>https://packet-path.example/series/${series.slug}/</loc>`);
    }
  });
});
