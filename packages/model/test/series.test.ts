import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BlogSourceError, loadBlog, seriesIndex } from '@blog/model';

let folder: string | undefined;

async function blogOf(files: Record<string, string>) {
  folder = mkdtempSync(join(tmpdir(), 'series-'));
  const all = { '_config.yml': 'title: Series\nurl: https://series.example\ntimezone: UTC\n', ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return { blog: await loadBlog(folder), source: folder };
}

const post = (front: string) => `---\n${front}\n---\nText.\n`;

afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe('seriesIndex', () => {
  test('posts of a series in date order; series_order first; previous and next within the series', async () => {
    const { blog } = await blogOf({
      '_posts/2024-01-01-intro.md': post('title: Intro\nseries: Packets in depth'),
      '_posts/2024-02-01-frames.md': post('title: Frames\nseries: Packets in depth'),
      '_posts/2024-03-01-aside.md': post('title: Aside'),
      '_posts/2024-04-01-overview.md': post('title: Overview\nseries: Packets in depth\nseries_order: 1'),
      '_posts/2024-05-01-other.md': post('title: Other\nseries: "Another: one"'),
    });
    const index = seriesIndex(blog.posts);
    expect(index.series.map((entry) => [entry.name, entry.slug, entry.posts.map((p) => p.title)])).toEqual([
      ['Another: one', 'another-one', ['Other']],
      ['Packets in depth', 'packets-in-depth', ['Overview', 'Intro', 'Frames']],
    ]);
    const intro = blog.posts.find((p) => p.title === 'Intro')!;
    const place = index.of(intro)!;
    expect(place.index).toBe(1);
    expect(place.previous?.title).toBe('Overview');
    expect(place.next?.title).toBe('Frames');
    expect(index.of(blog.posts.find((p) => p.title === 'Aside')!)).toBeUndefined();
    const first = index.of(blog.posts.find((p) => p.title === 'Overview')!)!;
    expect(first.previous).toBeUndefined();
  });

  test('series whose slugs collide get a suffix; a redirecting post is in no series', async () => {
    const { blog } = await blogOf({
      '_posts/2024-01-01-a.md': post('title: A\nseries: C++'),
      '_posts/2024-01-02-b.md': post('title: B\nseries: c'),
      '_posts/2024-01-03-c.md': post('title: C\nseries: c\nredirect_to: https://elsewhere.example/'),
    });
    const index = seriesIndex(blog.posts);
    expect(index.series.map((entry) => [entry.name, entry.slug, entry.posts.length])).toEqual([
      ['c', 'c', 1],
      ['C++', 'c-2', 1],
    ]);
  });

  test('wrong values fail the load with every problem, each with file, line and field', async () => {
    const error = await blogOf({
      '_posts/2024-01-01-a.md': post('title: A\nseries:\n  - One\n  - Two'),
      '_posts/2024-01-02-b.md': post('title: B\nseries: S\nseries_order: 0'),
      '_posts/2024-01-03-c.md': post('title: C\nseries: S\nseries_order: 2'),
      '_posts/2024-01-04-d.md': post('title: D\nseries: S\nseries_order: 2'),
      '_posts/2024-01-05-e.md': post('title: E\nseries_order: 3'),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BlogSourceError);
    const lines = (error as Error).message
      .split('\n')
      .slice(1)
      .map((line) => line.trim())
      .sort();
    expect(lines).toEqual([
      expect.stringMatching(
        /^\[@blog\/model\] _posts\/2024-01-01-a\.md:3: `series`: expected the name of one series, such as/,
      ),
      expect.stringMatching(
        /^\[@blog\/model\] _posts\/2024-01-02-b\.md:4: `series_order`: expected a whole number from 1 \(the post's place in its series\), got 0$/,
      ),
      '[@blog/model] _posts/2024-01-04-d.md:4: `series_order`: expected a place no other post of the series has, got 2, which _posts/2024-01-03-c.md has too',
      '[@blog/model] _posts/2024-01-05-e.md:3: `series_order`: is set but `series` is not',
    ]);
  });

  test('seriesIndex alone: the same problems, with lines when it is given the site folder', async () => {
    const { blog, source } = await blogOf({ '_posts/2024-01-01-a.md': post('title: A\nseries: S') });
    const wrong = blog.posts.map((item) => ({ ...item, data: { ...item.data, series_order: 1.5 } }));
    expect(() => seriesIndex(wrong)).toThrow('_posts/2024-01-01-a.md: `series_order`: expected a whole number from 1');
    // The file says `series` on line 3; `series_order` is not in it, so no line for it.
    expect(() => seriesIndex(wrong, { source })).toThrow('_posts/2024-01-01-a.md: `series_order`');
    const named = blog.posts.map((item) => ({ ...item, data: { series: ['S'] } }));
    expect(() => seriesIndex(named, { source })).toThrow('_posts/2024-01-01-a.md:3: `series`: expected the name');
  });
});

describe('loadBlog checks series', () => {
  test('a wrong series fails the load with the other problems, with file, line and field', async () => {
    await expect(
      blogOf({
        '_posts/2024-01-01-a.md': post('title: A\nseries: S\nseries_order: first'),
        '_posts/2024-01-02-b.md': post('title: B\ndate: yesterday'),
      }),
    ).rejects.toThrow(
      /_posts\/2024-01-01-a\.md:4: `series_order`: expected a whole number from 1[\s\S]*_posts\/2024-01-02-b\.md:3: `date`|_posts\/2024-01-02-b\.md:3: `date`[\s\S]*_posts\/2024-01-01-a\.md:4: `series_order`/,
    );
  });
});
