import { expect, test } from 'vitest';
import { toBlog } from '../../src/load/blog.ts';
import { phases } from '../../src/load/index.ts';
import { run, stateOf } from './site.ts';

test('toBlog: posts in index order with their post fields, pages, output collections by name', () => {
  const state = run(
    stateOf({
      '_config.yml': 'collections:\n  talks:\n    output: true\n',
      '_posts/2024-01-01-older.md': '---\ntags: [dns]\n---\nA.\n',
      '_posts/2024-02-01-newer.md': '---\n---\nB.\n',
      '_talks/dns.md': '---\ntitle: DNS\n---\n',
      'about.md': '---\ntitle: About\n---\n',
      'logo.svg': '<svg/>',
    }),
    ...phases,
  );
  const blog = toBlog(state);
  expect(blog.posts.map((post) => [post.slug, post.tags, post.excerpt])).toEqual([
    ['newer', [], 'B.'],
    ['older', ['dns'], 'A.'],
  ]);
  expect(blog.pages.map((page) => [page.sourcePath, page.nav])).toEqual([['about.md', true]]);
  expect(Object.keys(blog.collections)).toEqual(['talks']);
  expect(blog.collections.talks!.map((document) => document.permalink)).toEqual(['/talks/dns.html']);
  expect(blog.staticFiles.map((file) => file.path)).toEqual(['logo.svg']);
  expect(blog.site).toBe(state.site);
});
