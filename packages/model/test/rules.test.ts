import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  astroPath,
  findSiteConfig,
  hasFrontMatter,
  htmlDocuments,
  isAbsoluteUrl,
  isHtmlDocument,
  loadBlog,
  readSiteConfig,
  startsWithFrontMatter,
} from '@blog/model';
import { makeSite } from './load/site.ts';

describe('the Jekyll rules, each exported once', () => {
  test('the site config: `_config.yml`, else `_config.yaml`, else none', () => {
    const both = makeSite({ '_config.yml': 'title: From yml\n', '_config.yaml': 'title: From yaml\n' });
    expect(findSiteConfig(both)).toEqual({ file: '_config.yml', path: join(both, '_config.yml') });
    expect(readSiteConfig(both).title).toBe('From yml');
    const yaml = makeSite({ '_config.yaml': 'title: From yaml\n' });
    expect(findSiteConfig(yaml)?.file).toBe('_config.yaml');
    expect(readSiteConfig(yaml).title).toBe('From yaml');
    const none = makeSite({ 'index.md': '# hi' });
    expect(findSiteConfig(none)).toBeUndefined();
    expect(readSiteConfig(none).url).toBe('');
  });

  test('front matter: `---` first, a byte-order mark allowed before it', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(startsWithFrontMatter(bytes('---\ntitle: x\n---\n'))).toBe(true);
    expect(startsWithFrontMatter(bytes('\ufeff---\n---\n'))).toBe(true);
    expect(startsWithFrontMatter(bytes(' ---\n'))).toBe(false);
    expect(startsWithFrontMatter(bytes('--'))).toBe(false);
    expect(startsWithFrontMatter(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe(false);
    const root = makeSite({ 'bom.md': '\ufeff---\n---\nBody', 'plain.txt': 'no front matter' });
    expect(hasFrontMatter(join(root, 'bom.md'))).toBe(true);
    expect(hasFrontMatter(join(root, 'plain.txt'))).toBe(false);
    writeFileSync(join(root, 'empty'), '');
    expect(hasFrontMatter(join(root, 'empty'))).toBe(false);
  });

  test('absolute URLs: a scheme or protocol-relative', () => {
    for (const url of [
      'https://example.org/x',
      'mailto:ada@example.org',
      'HTTP://A',
      '//cdn.example.org/a.js',
      'data:,x',
    ]) {
      expect(isAbsoluteUrl(url)).toBe(true);
    }
    for (const url of ['/about/', 'about', '../x', '#top', '?q=1', '', '1http://x'])
      expect(isAbsoluteUrl(url)).toBe(false);
  });

  test('the Astro route path of a permalink', () => {
    expect(astroPath('/2023/12/14/tofu.html')).toBe('2023/12/14/tofu');
    expect(astroPath('/about/')).toBe('about');
    expect(astroPath('/')).toBe('');
    expect(astroPath('/notes/caf%C3%A9/')).toBe('notes/café');
    expect(astroPath('/feed.xml')).toBe('feed.xml');
  });

  test('the HTML documents: posts, pages and output collections, not files kept with their extension', async () => {
    const root = makeSite({
      '_config.yml': 'collections:\n  talks:\n    output: true\n',
      '_posts/2024-01-01-first.md': '---\n---\n',
      '_talks/dns.md': '---\ntitle: DNS\n---\n',
      'about.md': '---\ntitle: About\n---\n',
      'moved.html': '---\nredirect_to: /about.html\n---\n',
      'notes.txt': '---\n---\n{{ site.title }}',
    });
    const blog = await loadBlog(root, { now: new Date('2026-01-01T00:00:00Z') });
    expect(htmlDocuments(blog).map((document) => document.sourcePath)).toEqual([
      '_posts/2024-01-01-first.md',
      'about.md',
      'moved.html',
      '_talks/dns.md',
    ]);
    expect(blog.pages.filter((page) => !isHtmlDocument(page)).map((page) => page.outputPath)).toEqual(['notes.txt']);
  });
});
