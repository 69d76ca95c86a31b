/**
 * Renders many posts across worker threads, so every core works. Cached
 * results are read in this thread first; only the rest go to the workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { render, type RenderOptions, type RenderResult } from './render.js';

/** One post to render. */
export interface RenderItem {
  source: string;
  /** Per-post options (`file`, `line`, `excerpt`, `baseUrl`…), over the shared ones. */
  options?: RenderOptions | undefined;
}

/** Options of {@link renderAll}. */
export interface RenderAllOptions extends RenderOptions {
  /** Threads in all, this one included; default: the available parallelism. 1 renders in this thread only. */
  workers?: number | undefined;
  /** Posts sent to a worker at a time; default 8. */
  batchSize?: number | undefined;
  /**
   * Called each time a post is rendered (not for those read from the cache), with how many of the posts
   * to render are done and how many there are: a long build can show its progress.
   */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * Hold each result's `html` and `excerptHtml` as UTF-8 bytes from the moment it is rendered, decoded
   * when read (see {@link compactResult}): a site of thousands of posts needs half the memory. Default false.
   */
  compact?: boolean | undefined;
}

/**
 * The same result, with `html` and `excerptHtml` held as UTF-8 bytes and decoded each time they are read.
 * V8 holds a string with one character outside Latin-1 (a typographic quote, which nearly every post has)
 * at two bytes a character: as bytes, a rendering takes half the memory. Decoding a post takes microseconds.
 */
export function compactResult(result: RenderResult): RenderResult {
  const html = Buffer.from(result.html);
  const excerptHtml = result.excerptHtml === result.html ? html : Buffer.from(result.excerptHtml);
  return {
    ...result,
    get html() {
      return html.toString();
    },
    get excerptHtml() {
      return excerptHtml.toString();
    },
  };
}

/**
 * Renders every item; results come back in the order of `items`.
 *
 * @throws when a post cannot be rendered, naming it.
 */
export async function renderAll(items: readonly RenderItem[], options: RenderAllOptions = {}): Promise<RenderResult[]> {
  const {
    workers: workerCount = availableParallelism(),
    batchSize = 8,
    cache,
    onProgress,
    compact = false,
    ...shared
  } = options;
  const keep = compact ? compactResult : (result: RenderResult) => result;
  const results: RenderResult[] = new Array(items.length);
  const pending: { index: number; source: string; options: RenderOptions; key?: string }[] = [];
  items.forEach((item, index) => {
    const itemOptions = { ...shared, ...item.options };
    if (cache) {
      const key = cache.key(item.source, itemOptions);
      const hit = cache.get(key);
      if (hit) {
        results[index] = keep(hit);
        return;
      }
      cache.misses++;
      pending.push({ index, source: item.source, options: itemOptions, key });
    } else pending.push({ index, source: item.source, options: itemOptions });
  });

  // New results go into the cache together, in one pack, when all are rendered.
  const fresh: [string, RenderResult][] = [];
  let done = 0;
  const store = (index: number, rendered: RenderResult, key: string | undefined) => {
    const result = keep(rendered);
    results[index] = result;
    if (key) fresh.push([key, result]);
    onProgress?.(++done, pending.length);
  };

  // This thread renders too: on N cores, N − 1 workers plus this one keep every core busy
  // and save one worker's start-up (loading the pipeline, creating Shiki).
  const threads = Math.min(workerCount - 1, Math.floor(pending.length / batchSize));
  const queue = [...pending];
  const keys = new Map(pending.map((item) => [item.index, item.key]));
  const here = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      store(item.index, await render(item.source, item.options), item.key);
      // Rendering never waits on I/O; yield so the workers' results are taken in and they get more work.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  if (threads <= 0) {
    await here();
    cache?.setMany(fresh);
    return results;
  }

  const pool = Array.from({ length: threads }, () => new Worker(new URL('./worker.js', import.meta.url)));
  try {
    await Promise.all([
      here(),
      ...pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const batch = queue.splice(0, batchSize).map(({ index, source, options: itemOptions }) => ({
                index,
                source,
                options: itemOptions,
              }));
              if (batch.length === 0) resolve();
              else worker.postMessage({ items: batch });
            };
            worker.on('message', (done: { index: number; result?: RenderResult; error?: string }[]) => {
              for (const { index, result, error } of done) {
                if (error !== undefined) {
                  const name = items[index]?.options?.file ?? `item ${index}`;
                  reject(new Error(`[@blog/markdown] could not render ${name}: ${error}`));
                  return;
                }
                store(index, result!, keys.get(index));
              }
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    ]);
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  cache?.setMany(fresh);
  return results;
}
