/**
 * The state of an image a rendering reads (`fileStamps`) is the state its size was read in. An image
 * replaced while it is read gives a stamp no state of the file has: the result is stale at once, and the
 * size read is not kept for the state the file was in before.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { VFile } from 'vfile';
import { afterAll, expect, test, vi } from 'vitest';
import rehypeImages, { fileStamp, recordStamp } from '../src/rehype-images.ts';
import { png } from './png.ts';

// `statSync` as the module under test sees it: real, unless a test makes it give what it says.
const stats = vi.hoisted(() => ({ queue: [] as { size: number; mtimeMs: number }[] }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof fs>();
  return {
    ...real,
    statSync: (path: fs.PathLike) => stats.queue.shift() ?? real.statSync(path),
  };
});

const root = mkdtempSync(join(tmpdir(), 'blog-markdown-images-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'assets'));

/** The plugin run on images with these `src`s: the HTML it makes and what it records. */
function process(...sources: string[]): { html: string; data: VFile['data'] } {
  const tree = h(
    null,
    sources.map((src) => h('img', { src, alt: '' })),
  );
  const file = new VFile();
  rehypeImages({ root })(tree, file);
  return { html: toHtml(tree), data: file.data };
}

test('an image read twice in one state is listed with that state', () => {
  const image = join(root, 'assets/steady.png');
  writeFileSync(image, png(3, 2));
  const { html, data } = process('/assets/steady.png', '/assets/steady.png');
  expect(html).toContain('width="3" height="2"');
  expect(data.files).toEqual([image, image]);
  expect(data.fileStamps).toEqual({ [image]: fileStamp(image) });
  expect(fileStamp(image)).toMatch(/^\d+:[\d.]+$/);
});

test('an image replaced while it is read gets a stamp of no state, and its size is read again next time', () => {
  const image = join(root, 'assets/replaced.png');
  writeFileSync(image, png(5, 4));
  const real = fs.statSync(image);
  // The state before the read, then another after it: the file was replaced in between.
  stats.queue.push({ size: real.size, mtimeMs: real.mtimeMs - 1000 }, { size: real.size, mtimeMs: real.mtimeMs });
  const racing = process('/assets/replaced.png');
  expect(stats.queue).toEqual([]);
  const stamp = racing.data.fileStamps![image]!;
  expect(stamp).toMatch(/^changed:/);
  // Each such read is its own: two results that met a change never share a digest.
  stats.queue.push({ size: real.size, mtimeMs: real.mtimeMs - 1000 }, { size: real.size, mtimeMs: real.mtimeMs });
  expect(process('/assets/replaced.png').data.fileStamps![image]).not.toBe(stamp);
  // The size was not kept under the earlier state: the file in that state is read, not taken from memory.
  writeFileSync(image, png(7, 6));
  const later = fs.statSync(image);
  stats.queue.push(
    { size: real.size, mtimeMs: real.mtimeMs - 1000 },
    { size: later.size, mtimeMs: real.mtimeMs - 1000 },
  );
  const again = process('/assets/replaced.png');
  expect(again.html).toContain('width="7" height="6"');
  expect(again.data.fileStamps).toEqual({ [image]: `${real.size}:${real.mtimeMs - 1000}` });
});

test('recordStamp keeps a state met twice and marks two states as changed', () => {
  const stamps: Record<string, string> = {};
  recordStamp(stamps, '/a.png', '10:1');
  recordStamp(stamps, '/a.png', '10:1');
  recordStamp(stamps, '/b.png', 'missing');
  expect(stamps).toEqual({ '/a.png': '10:1', '/b.png': 'missing' });
  recordStamp(stamps, '/a.png', '12:2');
  expect(stamps['/a.png']).toMatch(/^changed:/);
});
