import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Document } from '@blog/model';
import { RenderCache, documentRenderItem, render, renderAll, renderDocument } from '@blog/markdown';
import { png } from './png.ts';

const post = (n: number) =>
  `# Post ${n}\n\nSome *text* for post ${n}.\n\n\`\`\`sh\necho ${n}\n\`\`\`\n\n![Diagram](/assets/diagram.png)\n`;

let root: string;
let cache: RenderCache;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'blog-markdown-cache-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets/diagram.png'), png(3, 2));
  cache = new RenderCache(join(root, 'cache'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('RenderCache', () => {
  test('an unchanged post is read back; a change to its source or options renders it again', async () => {
    const first = await render(post(1), { imageRoot: root, cache });
    expect(cache.misses).toBe(1);
    expect(await render(post(1), { imageRoot: root, cache })).toEqual(first);
    expect(cache.hits).toBe(1);
    await render(post(2), { imageRoot: root, cache });
    await render(post(1), { imageRoot: root, cache, smartypants: false });
    expect(cache.misses).toBe(3);
    // Another highlighter is another result.
    const prism = await render(post(1), { imageRoot: root, cache, highlight: { engine: 'prism' } });
    expect(cache.misses).toBe(4);
    expect(prism.html).not.toBe(first.html);
    expect(cache.key(post(1), {})).toBe(cache.key(post(1), { highlight: { engine: 'shiki' } }));
  });

  test('a post is rendered again when an image it shows changes', async () => {
    const before = await render(post(1), { imageRoot: root, cache });
    expect(before.files).toEqual([join(root, 'assets/diagram.png')]);
    expect(before.html).toContain('width="3" height="2"');
    writeFileSync(join(root, 'assets/diagram.png'), png(5, 4));
    const after = await render(post(1), { imageRoot: root, cache });
    expect(cache.misses).toBe(2);
    expect(after.html).toContain('width="5" height="4"');
    expect(after.digest).not.toBe(before.digest);
    // Now stored with the new image: read back.
    expect(await render(post(1), { imageRoot: root, cache })).toEqual(after);
    expect(cache.hits).toBe(1);
  });

  test('a result is stored with the state its images were read in, and is a miss once one is in another', async () => {
    const result = await render(post(1), { imageRoot: root });
    const key = cache.key(post(1), { imageRoot: root });
    cache.set(key, result);
    expect(cache.get(key)).toEqual(result);
    // An image that changed while the rendering read it (see rehype-images.ts) matches no state of the file.
    cache.set(key, { ...result, fileStamps: ['changed:while-read'] });
    expect(cache.get(key)).toBeUndefined();
  });

  test('getBytes gives the HTML as the UTF-8 it is stored as; an entry cut short is a miss', async () => {
    const source = `${post(1)}\n<!--more-->\n\n“Quoted” — and *done*.\n`;
    const first = await render(source, { imageRoot: root, cache });
    const key = cache.key(source, { imageRoot: root });
    const bytes = cache.getBytes(key)!;
    expect(Buffer.from(bytes.html).equals(Buffer.from(first.html))).toBe(true);
    expect(Buffer.from(bytes.excerptHtml!).equals(Buffer.from(first.excerptHtml))).toBe(true);
    const { html, excerptHtml, ...rest } = first;
    expect([html.length > excerptHtml.length, bytes.rest]).toEqual([true, rest]);
    // One byte short: not a result with HTML cut short, but a miss, and the post is rendered again.
    const file = join(root, 'cache', key.slice(0, 2), `${key}.entry`);
    writeFileSync(file, readFileSync(file).subarray(0, -1));
    expect(cache.get(key)).toBeUndefined();
    expect(await render(source, { imageRoot: root, cache })).toEqual(first);
    expect(cache.misses).toBe(2);
    // A post whose excerpt is the whole of it stores its HTML once.
    const short = 'One paragraph, and *nothing* more.\n';
    const whole = await render(short, { imageRoot: root, cache });
    expect(whole.excerptHtml).toBe(whole.html);
    expect(cache.getBytes(cache.key(short, { imageRoot: root }))?.excerptHtml).toBeUndefined();
    expect(cache.get(cache.key(short, { imageRoot: root }))).toEqual(whole);
  });

  test('an image added after the post was cached gives it its size', async () => {
    rmSync(join(root, 'assets/diagram.png'));
    const without = await render(post(1), { imageRoot: root, cache });
    expect(without.html).not.toContain('width=');
    writeFileSync(join(root, 'assets/diagram.png'), png(3, 2));
    expect((await render(post(1), { imageRoot: root, cache })).html).toContain('width="3" height="2"');
  });
});

describe('renderAll', () => {
  test('renders on a worker and here the same as one by one, in order, and fills the cache', async () => {
    const sources = Array.from({ length: 24 }, (_, n) => post(n));
    const expected = await Promise.all(sources.map((source) => render(source, { imageRoot: root })));
    const results = await renderAll(
      sources.map((source) => ({ source })),
      { imageRoot: root, cache, workers: 2, batchSize: 4 },
    );
    expect(results).toEqual(expected);
    expect(cache.misses).toBe(24);
    const again = await renderAll(
      sources.map((source) => ({ source })),
      { imageRoot: root, cache, workers: 2 },
    );
    expect(again).toEqual(expected);
    expect(cache.hits).toBe(24);
  });

  test('reports its progress, and with `compact` returns the same results held as UTF-8', async () => {
    const sources = Array.from({ length: 20 }, (_, n) => `${post(n)}\n“Quoted” — and *done*.\n`);
    const expected = await Promise.all(sources.map((source) => render(source, { imageRoot: root })));
    const progress: [number, number][] = [];
    const results = await renderAll(
      sources.map((source) => ({ source })),
      {
        imageRoot: root,
        workers: 2,
        batchSize: 4,
        compact: true,
        onProgress: (done, total) => progress.push([done, total]),
      },
    );
    expect(progress).toEqual(Array.from({ length: 20 }, (_, n) => [n + 1, 20]));
    results.forEach((result, index) => {
      expect(result.html).toBe(expected[index]!.html);
      expect(result.excerptHtml).toBe(expected[index]!.excerptHtml);
      expect({ ...result }).toEqual(expected[index]);
      // Held as bytes: the property is read through a getter, not stored as a string.
      expect(Object.getOwnPropertyDescriptor(result, 'html')?.get).toBeTypeOf('function');
    });
    expect(results[0]!.html).toContain('“Quoted”');
  });

  test('with `spill`, holds the HTML in a deleted file, and gives the same results, cached ones too', async () => {
    const sources = Array.from({ length: 20 }, (_, n) => `${post(n)}\n“Quoted” — and *done*.\n`);
    const items = sources.map((source, n) => ({ source, options: { file: `_posts/${n}.md` } }));
    const expected = await Promise.all(items.map((item) => render(item.source, { imageRoot: root, ...item.options })));
    const spill = join(root, 'spill');
    const options = { imageRoot: root, workers: 2, batchSize: 4, compact: true, spill };
    const fresh = await renderAll(items, { ...options, cache });
    // Half from the cache, half rendered: both kinds are spilled.
    const mixed = await renderAll(
      items.map((item, n) => (n % 2 ? { ...item, source: `${item.source}\nMore.\n` } : item)),
      { ...options, cache: new RenderCache(join(root, 'cache')) },
    );
    expect(readdirSync(spill)).toEqual([]);
    const spilled = (descriptor: string) => {
      try {
        return readlinkSync(join('/proc/self/fd', descriptor)).includes(`${spill}/spill-`);
      } catch {
        return false;
      }
    };
    if (process.platform === 'linux') {
      const files = readdirSync('/proc/self/fd').filter(spilled);
      expect(files).toHaveLength(2);
      const bytes = fresh.reduce((sum, result) => sum + Buffer.byteLength(result.html), 0);
      expect(statSync(join('/proc/self/fd', files[0]!)).size).toBeGreaterThanOrEqual(bytes);
    }
    fresh.forEach((result, index) => {
      expect(Object.getOwnPropertyDescriptor(result, 'html')?.get).toBeTypeOf('function');
      expect({ ...result }).toEqual(expected[index]);
    });
    mixed.forEach((result, index) => {
      if (index % 2 === 0) expect({ ...result }).toEqual(expected[index]);
      else expect(result.html).toContain('<p>More.</p>');
    });
  });

  test('compact results read from the cache keep their own HTML, in memory as in a spill file', async () => {
    const sources = Array.from({ length: 6 }, (_, n) => `${post(n)}\n<!--more-->\n\n“Quoted” — ${n}.\n`);
    const expected = await Promise.all(sources.map((source) => render(source, { imageRoot: root })));
    const items = sources.map((source) => ({ source }));
    await renderAll(items, { imageRoot: root, workers: 1, cache });
    for (const spill of [undefined, join(root, 'spill')]) {
      const again = new RenderCache(join(root, 'cache'));
      const results = await renderAll(items, { imageRoot: root, workers: 1, cache: again, compact: true, spill });
      expect(again.hits).toBe(6);
      results.forEach((result, index) => expect({ ...result }).toEqual(expected[index]));
    }
  });

  test('compact results are stored from the bytes they hold, as the same entries as others', async () => {
    // Some posts whose excerpt is the whole post, some with an excerpt of their own.
    const sources = Array.from({ length: 12 }, (_, n) =>
      n % 3 ? `${post(n)}\n<!--more-->\n\n“Quoted” — ${n}.\n` : `One paragraph, number ${n}.\n`,
    );
    const items = sources.map((source, n) => ({ source, options: { file: `_posts/${n}.md` } }));
    const plain = new RenderCache(join(root, 'plain'));
    const compact = new RenderCache(join(root, 'compact'));
    await renderAll(items, { imageRoot: root, workers: 2, batchSize: 2, cache: plain });
    const spill = join(root, 'spill');
    await renderAll(items, { imageRoot: root, workers: 2, batchSize: 2, cache: compact, compact: true, spill });
    for (const [n, source] of sources.entries()) {
      const key = plain.key(source, { imageRoot: root, file: `_posts/${n}.md` });
      const [a, b] = [plain.getBytes(key)!, compact.getBytes(key)!];
      expect(Buffer.from(b.html).equals(Buffer.from(a.html))).toBe(true);
      expect(b.excerptHtml && Buffer.from(b.excerptHtml).toString()).toBe(
        a.excerptHtml && Buffer.from(a.excerptHtml).toString(),
      );
      expect(b.rest).toEqual(a.rest);
      // Stored once when the excerpt is the whole post.
      expect([a.excerptHtml === undefined, b.excerptHtml === undefined]).toEqual([n % 3 === 0, n % 3 === 0]);
    }
  });

  test('with `mainThread: false`, the workers alone render, with the same results', async () => {
    const sources = Array.from({ length: 24 }, (_, n) => post(n));
    const expected = await Promise.all(sources.map((source) => render(source, { imageRoot: root })));
    const items = sources.map((source) => ({ source }));
    // No `onProgress`: the end is found without it.
    expect(await renderAll(items, { imageRoot: root, workers: 2, batchSize: 4, mainThread: false })).toEqual(expected);
    expect(await renderAll(items, { imageRoot: root, workers: 1, batchSize: 4, mainThread: false })).toEqual(expected);
    expect(await renderAll(items.slice(0, 1), { imageRoot: root, mainThread: false })).toEqual(expected.slice(0, 1));
  });

  test("with `mainThread: 'few'`, this thread renders a batch or less alone, and the workers alone render more", async () => {
    const sources = Array.from({ length: 9 }, (_, n) => post(n));
    const expected = await Promise.all(sources.map((source) => render(source, { imageRoot: root })));
    const items = sources.map((source) => ({ source }));
    // Node says each time a worker thread starts.
    let started = 0;
    const count = () => started++;
    process.on('worker', count);
    try {
      const options = { imageRoot: root, workers: 2, batchSize: 8, mainThread: 'few' } as const;
      expect(await renderAll(items.slice(0, 8), options)).toEqual(expected.slice(0, 8));
      expect(started).toBe(0);
      expect(await renderAll(items, options)).toEqual(expected);
      expect(started).toBe(1);
      expect(await renderAll(items.slice(0, 1), { ...options, mainThread: false })).toEqual(expected.slice(0, 1));
      expect(started).toBe(2);
    } finally {
      process.off('worker', count);
    }
  });

  test('workers start with the heap limits asked for', async () => {
    const limits: (object | undefined)[] = [];
    const started = (worker: Worker) => limits.push(worker.resourceLimits);
    process.on('worker', started);
    try {
      const items = Array.from({ length: 2 }, (_, n) => ({ source: post(n) }));
      await renderAll(items, { imageRoot: root, mainThread: false, workers: 1, workerHeapLimit: 300 });
      await renderAll(items, { imageRoot: root, mainThread: false, workers: 1, workerYoungLimit: 12 });
    } finally {
      process.off('worker', started);
    }
    expect(limits).toEqual([
      expect.objectContaining({ maxOldGenerationSizeMb: 300 }),
      expect.objectContaining({ maxYoungGenerationSizeMb: 12 }),
    ]);
  });

  test('a worker that runs out of memory is no error: this thread renders what it held', async () => {
    const sources = Array.from({ length: 24 }, (_, n) => post(n));
    const expected = await Promise.all(sources.map((source) => render(source, { imageRoot: root })));
    const progress: number[] = [];
    // 4 MB: the workers cannot even load the pipeline.
    const results = await renderAll(
      sources.map((source) => ({ source })),
      {
        imageRoot: root,
        workers: 2,
        batchSize: 4,
        mainThread: false,
        workerHeapLimit: 4,
        onProgress: (done) => progress.push(done),
      },
    );
    expect(results).toEqual(expected);
    expect(progress).toEqual(Array.from({ length: 24 }, (_, n) => n + 1));
  });

  test('an item with a cache of its own is an error naming it: the items share one', async () => {
    const items = [
      { source: post(1), options: { file: '_posts/one.md' } },
      { source: post(2), options: { file: '_posts/two.md', cache } as never },
    ];
    await expect(renderAll(items, { workers: 1 })).rejects.toThrow(
      /_posts\/two\.md: options\.cache: expected none; the items share the `cache` of renderAll's options/,
    );
    expect(cache.misses).toBe(0);
    // A post of `@blog/model`: `documentRenderItem` leaves the cache out of its item, `renderDocument` uses it.
    const document = { body: post(3), bodyLine: 1, sourcePath: '_posts/three.md', data: {}, url: '/three.html' };
    expect(documentRenderItem(document as unknown as Document, undefined, { cache }).options).not.toHaveProperty(
      'cache',
    );
    const rendered = await renderDocument(document as unknown as Document, undefined, { cache });
    expect(cache.misses).toBe(1);
    expect(await renderDocument(document as unknown as Document, undefined, { cache })).toEqual(rendered);
    expect(cache.hits).toBe(1);
  });

  test('gives the same results whichever thread renders a post, with batches of one', async () => {
    const sources = Array.from({ length: 40 }, (_, n) => post(n));
    const expected = await Promise.all(sources.map((source) => render(source, { imageRoot: root })));
    const results = await renderAll(
      sources.map((source) => ({ source })),
      { imageRoot: root, workers: 2, batchSize: 1 },
    );
    expect(results).toEqual(expected);
  });
});

describe('RenderCache packs (what renderAll stores)', () => {
  const packs = () => readdirSync(join(root, 'cache/packs')).filter((name) => name.endsWith('.index.json'));

  test('builds add a pack each; past four, the entries in use are kept in one and the others dropped', async () => {
    const rendered = (n: number) => render(post(n), { imageRoot: root });
    for (let round = 0; round < 6; round++) {
      // A build: a cache of its own, two new posts and one that every build has.
      const build = new RenderCache(join(root, 'cache'));
      const items = [100, round * 2, round * 2 + 1].map((n) => ({ source: post(n) }));
      const results = await renderAll(items, { imageRoot: root, cache: build, workers: 1 });
      expect(results).toEqual(await Promise.all([100, round * 2, round * 2 + 1].map(rendered)));
      expect(build.hits).toBe(round === 0 ? 0 : 1);
      expect(packs().length).toBeLessThanOrEqual(4);
    }
    // Compacted at the fifth build: what the first builds alone used is gone, the rest is there.
    const later = new RenderCache(join(root, 'cache'));
    expect(later.get(later.key(post(0), { imageRoot: root }))).toBeUndefined();
    expect(later.get(later.key(post(100), { imageRoot: root }))).toEqual(await rendered(100));
    expect(later.get(later.key(post(10), { imageRoot: root }))).toEqual(await rendered(10));
    expect(later.get(later.key(post(8), { imageRoot: root }))).toEqual(await rendered(8));
  });
});
