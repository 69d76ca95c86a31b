import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesBelow, validateFeed } from './dist.ts';

// An existing Jekyll blog, built with `BLOG_SOURCE=<folder>`, unchanged.
const source = fileURLToPath(new URL('fixtures/jekyll-blog/', import.meta.url));
const site = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'blog-jekyll-source-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const read = (file: string) => readFileSync(join(out, file), 'utf8');

beforeAll(() => {
  execFileSync(join(site, 'node_modules/.bin/astro'), ['build', '--outDir', out], {
    cwd: site,
    env: { ...process.env, BLOG_SOURCE: source, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
});

describe('BLOG_SOURCE builds an existing Jekyll blog unchanged', () => {
  test('every URL Jekyll (GitHub Pages, UTC) would write exists', () => {
    const jekyllUrls = [
      '2024/01/05/measuring-latency.html',
      // Written 23:30 at -05:00 on the 11th: the 12th in UTC, as Jekyll's URL says.
      '2024/02/12/a-post-with-a-colon.html',
      'ops/linux/2024/03/20/categorised.html',
      'notes/2024/04/02/from-a-subfolder.html',
      'notes/own-address/index.html',
      'about/index.html',
      'archive.html',
      'index.html',
      'page2/index.html',
      'page3/index.html',
      'feed.xml',
      'assets/extra.css',
    ];
    for (const file of jekyllUrls) expect(existsSync(join(out, file)), file).toBe(true);
    const files = filesBelow(out);
    expect(files).not.toContain('page4/index.html');
    expect(files.some((file) => file.includes('draft-like'))).toBe(false);
    expect(files).not.toContain('Gemfile');
    // Nothing of Jekyll's own folders (`_posts`, `_layouts`, `_includes`) is published; `_astro/` holds our CSS.
    expect(files.filter((file) => file.startsWith('_') && !file.startsWith('_astro/'))).toEqual([]);
  });

  test('pages and posts carry their content, Liquid rendered', () => {
    expect(read('about/index.html')).toContain(
      'This notebook belongs to Lab Notebook. Write to owner@lab-notebook.example.',
    );
    const archive = read('archive.html');
    expect(archive).toContain(
      '<td>12 Feb 2024</td><td><a href="/2024/02/12/a-post-with-a-colon.html">Backups: the boring kind</a></td>',
    );
    const latency = read('2024/01/05/measuring-latency.html');
    expect(latency).toContain('<p class="callout">Run it from both ends.</p>');
    expect(latency).toContain('class="language-sh highlighter-rouge"');
    expect(read('2024/02/12/a-post-with-a-colon.html')).toContain(
      '<a href="/2024/01/05/measuring-latency.html">the latency post</a>',
    );
  });

  test('the RSS feed carries the same items as Jekyll’s', () => {
    const channel = new XMLParser({ isArray: (name) => name === 'item' || name === 'category' }).parse(read('feed.xml'))
      .rss.channel;
    expect(channel.title).toBe('Lab Notebook');
    expect(channel.item.map((item: { link: string }) => item.link)).toEqual([
      'https://lab-notebook.example/notes/own-address/',
      'https://lab-notebook.example/notes/2024/04/02/from-a-subfolder.html',
      'https://lab-notebook.example/ops/linux/2024/03/20/categorised.html',
      'https://lab-notebook.example/2024/02/12/a-post-with-a-colon.html',
      'https://lab-notebook.example/2024/01/05/measuring-latency.html',
    ]);
    expect(channel.item[4].category).toEqual(['networking', 'tools']);
    expect(channel.item[2].category).toEqual(['ops', 'linux']);
    expect(channel.item[3].pubDate).toBe('Mon, 12 Feb 2024 04:30:00 +0000');
  });

  test('every RSS and Atom feed passes the W3C Feed Validator with no error and no warning', () => {
    const feeds = filesBelow(out).filter((file) => /(^|\/)(feed|atom)\.xml$/.test(file));
    expect(feeds).toEqual(expect.arrayContaining(['feed.xml', 'atom.xml']));
    for (const file of feeds) expect(validateFeed(join(out, file)), file).toEqual([]);
  });
});
