import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { blogFeed, rss } from '@blog/feed';
import { loadBlog } from '@blog/model';
import blog from '../src/index.ts';
import { missingUrlMessage, withSiteUrl } from '../src/site-url.ts';

// A Jekyll blog without `url`, as `jekyll new` leaves it until it is published.
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'blog-no-url-'));
  mkdirSync(join(root, '_posts'));
  writeFileSync(join(root, '_config.yml'), 'title: No address yet\n');
  writeFileSync(
    join(root, '_posts/2024-05-01-hello.md'),
    '---\ntitle: Hello\nredirect_from: /hi/\n---\nA first post, not yet published anywhere.\n',
  );
  writeFileSync(join(root, 'about.md'), '---\ntitle: About\n---\nWho writes here.\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the integration's setup as Astro would for `command`. */
function setup(command: 'build' | 'dev', site?: string) {
  const integration = blog({ source: '.', cacheDir: join(root, '.cache') });
  const warn = vi.fn();
  const updateConfig = vi.fn();
  integration.hooks['astro:config:setup']!({
    command,
    config: {
      root: pathToFileURL(`${root}/`),
      site,
      build: { concurrency: 1 },
      experimental: {},
      server: { host: false, port: 4321 },
    },
    updateConfig,
    injectRoute: () => undefined,
    addWatchFile: () => undefined,
    logger: { warn, info: () => undefined },
  } as never);
  const plugin = updateConfig.mock.calls[0]![0].vite.plugins[0];
  const config = () => JSON.parse(plugin.load('\0virtual:@blog/theme/config').replace(/^export default |;$/g, ''));
  return { integration, warn, config };
}

describe('a `source` that is not a folder', () => {
  test('stops the setup with a message naming it, not one about `url`', () => {
    const setupWith = (source: string) =>
      blog({ source, cacheDir: join(root, '.cache') }).hooks['astro:config:setup']!({
        command: 'build',
        config: { root: pathToFileURL(`${root}/`), build: { concurrency: 1 }, experimental: {}, server: {} },
        updateConfig: () => undefined,
        injectRoute: () => undefined,
        addWatchFile: () => undefined,
        logger: { warn: () => undefined, info: () => undefined },
      } as never);
    expect(() => setupWith('./no-such-blog')).toThrow(
      `[@blog/theme] \`source\`: ./no-such-blog is not a folder (looked for ${join(root, 'no-such-blog')})`,
    );
    expect(() => setupWith('./about.md')).toThrow('`source`: ./about.md is not a folder');
  });
});

describe('a blog without `url` in _config.yml', () => {
  test('`astro build` stops with one message saying what to set and why', () => {
    expect(() => setup('build')).toThrow(new Error(missingUrlMessage('_config.yml')));
    expect(missingUrlMessage('_config.yml')).toMatch(/^\[@blog\/theme\] `url` is not set in _config.yml\. /);
  });

  test('`astro dev` uses the dev server’s address, with one warning', () => {
    const { integration, warn, config } = setup('dev');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain("`url` is not set in _config.yml: pages use the dev server's address");
    expect(config().siteUrl).toBe('http://localhost:4321');
    // Astro took another port: the routes, which read the config on first use, get that one.
    integration.hooks['astro:server:start']!({ address: { port: 4322 } } as never);
    expect(config().siteUrl).toBe('http://localhost:4322');
  });

  test('Astro’s `site` stands in for it, without a warning', () => {
    const { warn, config } = setup('build', 'https://from-astro.example');
    expect(warn).not.toHaveBeenCalled();
    expect(config().siteUrl).toBe('https://from-astro.example');
  });

  test('with the stand-in address, documents, redirects and the feed have absolute URLs', async () => {
    const loaded = await loadBlog(root, { now: new Date('2025-01-01') });
    await expect(blogFeed(loaded).then((feed) => rss(feed, { url: '/feed.xml' }))).rejects.toThrow();
    const served = withSiteUrl(loaded, 'http://localhost:4321/');
    expect(served.site.url).toBe('http://localhost:4321');
    expect(served.posts[0]!.url).toBe('http://localhost:4321/2024/05/01/hello.html');
    expect(served.pages.find((page) => page.title === 'About')!.url).toBe('http://localhost:4321/about.html');
    expect(served.redirects).toEqual([expect.objectContaining({ from: '/hi/', to: served.posts[0]!.url })]);
    const xml = rss(await blogFeed(served), { url: 'http://localhost:4321/feed.xml' });
    expect(xml).toContain('<link>http://localhost:4321/2024/05/01/hello.html</link>');
    // A blog that has its url keeps it.
    expect(withSiteUrl(served, 'http://elsewhere.example')).toBe(served);
  });
});
