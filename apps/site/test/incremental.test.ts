import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserTimeout, chromiumFlags, chromiumPath, filesBelow, serve } from './dist.ts';

// A copy of the Jekyll fixture, built again after each change, into the same folder, with the same caches,
// as an author rebuilds after an edit. Its site (fixtures/incremental-site) splits the search index in
// parts of two posts: the pages and the two oldest posts, the next two, then the newest.
const work = mkdtempSync(join(tmpdir(), 'blog-incremental-'));
const source = join(work, 'source');
const out = join(work, 'dist');
const site = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('fixtures/incremental-site/', import.meta.url));
const read = (file: string) => readFileSync(join(out, file), 'utf8');
const newest = '_posts/2024-05-09-pretty-permalink.md';

/** Builds the copy; returns Astro's log. */
function build(): string {
  return execFileSync(join(site, 'node_modules/.bin/astro'), ['build', '--root', root, '--outDir', out], {
    cwd: site,
    env: { ...process.env, INCREMENTAL_TEST_DIR: work, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

/** The search index summary of a build's log: parts indexed and parts reused. */
function searchParts(log: string): { indexed: number; reused: number } {
  const match = /search index: \d+ documents in (\d+) part\(s\), (\d+) indexed, (\d+) reused/.exec(log);
  if (!match) throw new Error(`no search index line in the log:\n${log}`);
  return { indexed: Number(match[2]), reused: Number(match[3]) };
}

/** Whether any fragment of a search bundle holds `word` (fragments are gzipped JSON). */
function indexed(bundle: string, word: string): boolean {
  return filesBelow(join(out, bundle, 'fragment')).some((file) =>
    gunzipSync(readFileSync(join(out, bundle, 'fragment', file)))
      .toString('utf8')
      .includes(word),
  );
}

const changed = (file: string) => statSync(join(out, file)).mtimeMs;

let first: string;
beforeAll(() => {
  cpSync(fileURLToPath(new URL('fixtures/jekyll-blog/', import.meta.url)), source, { recursive: true });
  first = build();
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('rebuilding after a change', () => {
  test('the first build writes every part of the search index', () => {
    expect(searchParts(first)).toEqual({ indexed: 3, reused: 0 });
    expect(existsSync(join(out, 'pagefind/pagefind-ui.js'))).toBe(true);
    // Merged parts carry their index only: the search UI comes from the main bundle.
    expect(existsSync(join(out, 'pagefind/parts/2/pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(out, 'pagefind/parts/2/pagefind-ui.js'))).toBe(false);
  });

  test('an unchanged blog is rebuilt without writing its pages or its search index again', () => {
    const post = '2024/01/05/measuring-latency.html';
    const before = {
      about: changed('about/index.html'),
      home: changed('index.html'),
      post: statSync(join(out, post)),
    };
    const log = build();
    expect(searchParts(log)).toEqual({ indexed: 0, reused: 3 });
    expect(log).toContain('(cached)');
    expect(changed('about/index.html')).toBe(before.about);
    expect(changed('index.html')).toBe(before.home);
    // Jekyll's `x.html` pages too: the very same file, neither copied nor moved.
    expect(statSync(join(out, post)).ino).toBe(before.post.ino);
    expect(changed(post)).toBe(before.post.mtimeMs);
    expect(existsSync(join(out, '2024/01/05/measuring-latency'))).toBe(false);
    // What Astro copies from the site's `public/` is kept, not taken for a leftover.
    expect(read('humans.txt')).toContain('incremental test');
  });

  test('an edit is on its page and in the search index; pages that do not show the post are not rewritten', () => {
    const about = changed('about/index.html');
    appendFileSync(join(source, newest), '\nA zymurgical aside, added after the first build.\n');
    const log = build();
    expect(read('notes/own-address/index.html')).toContain('A zymurgical aside');
    // Only the part holding the newest post is indexed again.
    expect(searchParts(log)).toEqual({ indexed: 1, reused: 2 });
    expect(indexed('pagefind/parts/2', 'zymurgical')).toBe(true);
    expect(changed('about/index.html')).toBe(about);
  });

  test('an edited post with a Jekyll `x.html` address is written again under that name', () => {
    appendFileSync(join(source, '_posts/2024-02-11-a-post-with-a-colon.md'), '\nA quokka appears.\n');
    build();
    expect(read('2024/02/12/a-post-with-a-colon.html')).toContain('A quokka appears.');
    expect(existsSync(join(out, '2024/02/12/a-post-with-a-colon'))).toBe(false);
    expect(indexed('pagefind', 'quokka')).toBe(true);
  });

  test('a deleted post leaves nothing behind: its page, its feed item and its search entry go', () => {
    const page = 'ops/linux/2024/03/20/categorised.html';
    expect(existsSync(join(out, page))).toBe(true);
    rmSync(join(source, '_posts/2024-03-20-categorised.md'));
    build();
    expect(existsSync(join(out, page))).toBe(false);
    // Its folders were only its own.
    expect(existsSync(join(out, 'ops'))).toBe(false);
    expect(read('feed.xml')).not.toContain('categorised');
    expect(read('archive.html')).not.toContain('categorised');
    // Four posts now: the newest moves into the second part, and the third part is gone.
    expect(existsSync(join(out, 'pagefind/parts/2'))).toBe(false);
    expect(indexed('pagefind/parts/1', 'zymurgical')).toBe(true);
    expect(filesBelow(out).filter((file) => file.includes('categorised'))).toEqual([]);
    // The cache keeps the parts of this build only.
    expect(readdirSync(join(work, 'blog-cache/search'))).toHaveLength(2);
  });
});

describe('a fresh output folder with the caches (a deploy from CI that keeps its caches)', () => {
  test('is filled from them: pages and search index parts are restored, not made again', () => {
    rmSync(out, { recursive: true });
    const log = build();
    expect(searchParts(log)).toEqual({ indexed: 0, reused: 2 });
    expect(log).toMatch(/notes\/own-address\/index\.html.*\(restored\)/);
    expect(read('notes/own-address/index.html')).toContain('A zymurgical aside');
    expect(indexed('pagefind/parts/1', 'zymurgical')).toBe(true);
    expect(existsSync(join(out, 'pagefind/pagefind-ui.js'))).toBe(true);
  });
});

describe('the search page merges the parts of the index', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    ({ url: base, server } = await serve(out));
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test.each([
    // In the main bundle: a page.
    ['notebook', '/about/'],
    // In the second part, merged: the newest post, and its edit.
    ['zymurgical', '/notes/own-address/'],
  ])('searching “%s” finds %s', async (word, url) => {
    const page = await browser.newPage();
    page.setDefaultTimeout(browserTimeout);
    await page.goto(`${base}/search/`);
    await page.locator('.pagefind-ui__search-input').fill(word);
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor();
    expect(await result.getAttribute('href')).toBe(url);
  });
});
