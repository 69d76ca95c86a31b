import { describe, expect, test } from 'vitest';
import { archiveByYear, paginate, postIndex, sortPosts, tagIndex } from '@blog/model';
import { cutExcerpt } from '../src/excerpt.ts';

const make = (path: string, iso: string, tags: string[] = [], categories: string[] = []) => ({
  sourcePath: path,
  date: new Date(iso),
  tags,
  categories,
});

const posts = [
  make('_posts/a.md', '2022-12-31T23:30:00Z', ['debian', 'nft']),
  make('_posts/b.md', '2023-06-01T10:00:00Z', ['kubernetes']),
  make('_posts/c.md', '2023-06-01T10:00:00Z', ['debian']),
  make('_posts/d.md', '2024-01-15T09:00:00Z', ['debian', 'nft', 'C++']),
  make('_posts/e.md', '2024-03-01T09:00:00Z', ['c']),
];

describe('derived views', () => {
  test('newest first, stable on equal dates', () => {
    expect(sortPosts(posts).map((post) => post.sourcePath)).toEqual([
      '_posts/e.md',
      '_posts/d.md',
      '_posts/c.md',
      '_posts/b.md',
      '_posts/a.md',
    ]);
    expect(sortPosts([...posts].reverse())).toEqual(sortPosts(posts));
  });

  test('pagination as jekyll-paginate: /, /page2/, ...', () => {
    const pages = paginate(sortPosts(posts), 2);
    expect(pages.map((page) => [page.page, page.path, page.previousPath, page.nextPath, page.items.length])).toEqual([
      [1, '/', undefined, '/page2/', 2],
      [2, '/page2/', '/', '/page3/', 2],
      [3, '/page3/', '/page2/', undefined, 1],
    ]);
    expect(pages[0]!.totalPages).toBe(3);
    expect(paginate([], 14)).toHaveLength(1);
    expect(paginate(posts, 2, '/blog/page-:num/', '/blog/')[1]!.path).toBe('/blog/page-2/');
  });

  test('archive by year in the site zone', () => {
    expect(archiveByYear(posts, {}).map((group) => [group.year, group.posts.length])).toEqual([
      [2024, 2],
      [2023, 2],
      [2022, 1],
    ]);
    // 2022-12-31 23:30 UTC is already 2023 in Madrid.
    expect(
      archiveByYear(posts, { timezone: 'Europe/Madrid' }).map((group) => [group.year, group.posts.length]),
    ).toEqual([
      [2024, 2],
      [2023, 3],
    ]);
  });

  test('tag index with URL-safe slugs that never collide', () => {
    expect(tagIndex(posts).map((tag) => [tag.name, tag.slug, tag.posts.length])).toEqual([
      ['c', 'c', 1],
      ['C++', 'c-2', 1],
      ['debian', 'debian', 3],
      ['kubernetes', 'kubernetes', 1],
      ['nft', 'nft', 2],
    ]);
  });

  test('previous is older, next is newer', () => {
    const { previous, next } = postIndex(posts).adjacent(posts[2]!);
    expect([previous?.sourcePath, next?.sourcePath]).toEqual(['_posts/b.md', '_posts/d.md']);
    expect(postIndex(posts).adjacent(posts[4]!).next).toBeUndefined();
  });

  test('related posts: shared tags first, then recency, never itself', () => {
    expect(
      postIndex(posts)
        .related(posts[0]!)
        .map((post) => post.sourcePath),
    ).toEqual(['_posts/d.md', '_posts/c.md', '_posts/e.md', '_posts/b.md']);
    expect(postIndex(posts).related(posts[0]!, 1)).toEqual([posts[3]]);
  });
});

describe('cutExcerpt', () => {
  test('separator, first paragraph, custom separator, none', () => {
    expect(cutExcerpt('One.\n\nTwo.\n<!--more-->\nThree.')).toEqual({ excerpt: 'One.\n\nTwo.', hasMore: true });
    expect(cutExcerpt('\nOnly paragraph.\n')).toEqual({ excerpt: 'Only paragraph.', hasMore: false });
    expect(cutExcerpt('A\n\nB', '\n\n')).toEqual({ excerpt: 'A', hasMore: true });
    expect(cutExcerpt('A\n\nB', '')).toEqual({ excerpt: '', hasMore: false });
  });
});

test('postIndex gives what a brute-force ranking of every post gives, for any number of related posts', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  const many = Array.from({ length: 300 }, (_, i) => ({
    sourcePath: `_posts/${i}.md`,
    date: new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 1000) * 86400000),
    tags: names.filter(() => random() < 0.3),
    categories: random() < 0.2 ? ['x'] : [],
  }));
  const index = postIndex(many);
  const labels = (post: (typeof many)[number]) => [...post.tags, ...post.categories.map((name) => `category:${name}`)];
  for (const [post, limit] of many.flatMap((post) => [1, 4, 12].map((limit) => [post, limit] as const))) {
    const own = new Set(labels(post));
    const expected = index.sorted
      .filter((candidate) => candidate !== post)
      .map((candidate, order) => ({
        candidate,
        order,
        shared: labels(candidate).filter((label) => own.has(label)).length,
      }))
      .sort((a, b) => b.shared - a.shared || a.order - b.order)
      .slice(0, limit)
      .map(({ candidate }) => candidate.sourcePath);
    expect(index.related(post, limit).map((candidate) => candidate.sourcePath)).toEqual(expected);
  }
});
