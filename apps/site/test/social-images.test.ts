/**
 * Issue #16, part 5: with `socialImages: true` (on in the demo), every post without an `image` has a
 * generated 1200x630 PNG as `og:image` and `twitter:image`, with width, height and alt.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { loadBlog } from '@blog/model';
import { content, dist, read } from './dist.ts';

const blog = await loadBlog(content);
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];
const unescape = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

describe('social images, built', () => {
  const posts = blog.posts.filter((post) => !post.redirectTo && post.data.image === undefined);

  test('every post has its card: og:image and twitter:image with width, height and alt', async () => {
    expect(posts.length).toBeGreaterThanOrEqual(12);
    const files = new Set<string>();
    for (const post of posts) {
      const html = read(post.outputPath);
      const url = meta(html, 'og:image');
      expect(url, post.sourcePath).toMatch(/^https:\/\/packet-path\.example\/social\/[\w-]+\.png$/);
      expect(meta(html, 'twitter:image')).toBe(url);
      expect(meta(html, 'twitter:card')).toBe('summary_large_image');
      expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')]).toEqual(['1200', '630']);
      const alt = unescape(meta(html, 'og:image:alt') ?? '');
      expect(alt.startsWith(`${post.title}, `), alt).toBe(true);
      expect(alt.endsWith(', Packet Path')).toBe(true);
      expect(meta(html, 'twitter:image:alt')).toBe(meta(html, 'og:image:alt'));
      const file = join(dist, new URL(url!).pathname);
      expect(existsSync(file), file).toBe(true);
      const metadata = await sharp(readFileSync(file)).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
      files.add(file);
    }
    // One card per post: each shows its own title.
    expect(files.size).toBe(posts.length);
  });

  test('pages other than posts have no card', () => {
    expect(meta(read('about/index.html'), 'og:image')).toBeUndefined();
    expect(meta(read('about/index.html'), 'twitter:card')).toBe('summary');
  });
});
