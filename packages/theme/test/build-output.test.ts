import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadBlog } from '@blog/model';
import { pruneOutput } from '../src/output.ts';
import { defaultPartSize, searchBundle, searchParts } from '../src/search.ts';

const fixture = new URL('../../model/test/fixtures/jekyll-site/', import.meta.url).pathname;

describe('searchParts: the search index in parts', () => {
  test('posts oldest first in parts of the given size; pages and collection documents join the first', async () => {
    const blog = await loadBlog(fixture, { now: new Date('2025-01-01') });
    const parts = searchParts(blog, 3);
    const posts = blog.posts.filter((post) => !post.redirectTo).toReversed();
    const pages = [...blog.pages, ...Object.values(blog.collections).flat()].filter(
      (page) => page.format !== 'other' && !page.redirectTo,
    );
    expect(pages.length).toBeGreaterThan(0);
    expect(parts).toEqual(
      [[...pages, ...posts.slice(0, 3)], posts.slice(3, 6), posts.slice(6)].filter((p) => p.length),
    );
    // Pages that are not HTML (a Liquid-made feed) are not searched.
    expect(parts.flat().some((document) => document.format === 'other')).toBe(false);
  });

  test('a blog smaller than a part has one part, the main bundle', async () => {
    const blog = await loadBlog(fixture, { now: new Date('2025-01-01') });
    expect(searchParts(blog)).toHaveLength(1);
    expect(searchBundle(0)).toBe('pagefind/');
    expect(searchBundle(2)).toBe('pagefind/parts/2/');
  });

  test('by default, parts of 250 posts up to 2,500 posts, of 500 beyond', () => {
    expect([1, 250, 251, 1000, 2500, 2501, 4000, 10_000, 50_000].map(defaultPartSize)).toEqual([
      250, 250, 250, 250, 250, 500, 500, 500, 500,
    ]);
  });
});

describe('pruneOutput: what a build left from earlier ones', () => {
  let out: string;
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  const write = (file: string) => {
    const path = join(out, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file);
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

  test('removes old files that were not kept, and the folders they leave empty', async () => {
    out = mkdtempSync(join(tmpdir(), 'blog-prune-'));
    // What an earlier build wrote…
    write('2020/01/01/deleted-post.html');
    write('about/index.html');
    write('_astro/old.css');
    write('.git/HEAD');
    await tick();
    const started = Date.now();
    await tick();
    // …and this one.
    write('_astro/new.css');
    write('index.html');
    const removed = pruneOutput(out, new Set(['about/index.html']), started);
    expect(removed).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['.git', '_astro', 'about', 'index.html']);
    expect(readdirSync(join(out, '_astro'))).toEqual(['new.css']);
  });
});

describe('the end of a build', () => {
  test('pages Astro listed as x/index.html are moved to x.html, and the log says so once', async () => {
    const { finishBuild } = await import('../src/integration/build-output.ts');
    const { resolveThemeConfig } = await import('../src/user-config.ts');
    const out = mkdtempSync(join(tmpdir(), 'blog-done-'));
    try {
      const blog = await loadBlog(fixture, { now: new Date('2025-01-01') });
      const post = blog.posts.find(
        (item) => item.outputPath.endsWith('.html') && !item.outputPath.endsWith('index.html'),
      )!;
      const written = join(out, post.permalink.replace(/\.html$/, ''), 'index.html');
      mkdirSync(dirname(written), { recursive: true });
      writeFileSync(written, '<p>the post</p>');
      const info: string[] = [];
      await finishBuild({
        config: { ...resolveThemeConfig({ search: false, incremental: false }, out), cacheDir: join(out, '.cache') },
        out,
        started: 0,
        blog,
        linked: [],
        kept: new Set(),
        search: undefined,
        logger: { info: (line: string) => info.push(line) } as never,
      });
      expect(readdirSync(dirname(join(out, post.outputPath)))).toContain(post.outputPath.split('/').pop());
      const moved = info.filter((line) => line.includes('x.html'));
      expect(moved).toHaveLength(1);
      expect(moved[0]).toMatch(/^\d+ page\(s\) Astro wrote as `x\/index\.html` are at their Jekyll names `x\.html`: /);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
