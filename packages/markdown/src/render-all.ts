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
  const { html, excerptHtml, ...rest } = result;
  return fromBytes(rest, Buffer.from(html), excerptHtml === html ? undefined : Buffer.from(excerptHtml));
}

/** A result whose HTML comes as UTF-8 bytes (the excerpt's only when it is not the whole post). */
export type ResultBytes = {
  rest: Omit<RenderResult, 'html' | 'excerptHtml'>;
  html: Uint8Array;
  excerptHtml?: Uint8Array | undefined;
};

/** A compact result from its bytes, as a worker sends them (see worker.ts): no string is made until read. */
function fromBytes(rest: ResultBytes['rest'], html: Uint8Array, excerpt: Uint8Array | undefined): RenderResult {
  const htmlBuffer = Buffer.from(html.buffer, html.byteOffset, html.byteLength);
  const excerptBuffer = excerpt ? Buffer.from(excerpt.buffer, excerpt.byteOffset, excerpt.byteLength) : htmlBuffer;
  return {
    ...rest,
    get html() {
      return htmlBuffer.toString();
    },
    get excerptHtml() {
      return excerptBuffer.toString();
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
  const pending: Pending[] = [];
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
  const fresh: [string, RenderResult, number][] = [];
  let done = 0;
  /** Keeps a result; `kept` when it is already as kept (a compact result made from a worker's bytes). */
  const store = (index: number, rendered: RenderResult, key: string | undefined, kept = false) => {
    const result = kept ? rendered : keep(rendered);
    results[index] = result;
    if (key) fresh.push([key, result, index]);
    onProgress?.(++done, pending.length);
  };

  // This thread renders too: on N cores, N − 1 workers plus this one keep every core busy
  // and save one worker's start-up (loading the pipeline, creating Shiki).
  const threads = Math.min(workerCount - 1, Math.floor(pending.length / batchSize));
  const scheduler = new Scheduler(pending, batchSize);
  const here = async (): Promise<void> => {
    for (let item = scheduler.take(); item; item = scheduler.take()) {
      if (!scheduler.isDone(item)) {
        const result = await render(item.source, item.options);
        if (!scheduler.isDone(item)) {
          scheduler.finish(item);
          store(item.index, result, item.key);
        }
      }
      // Rendering never waits on I/O; yield so the workers' results are taken in and they get more work.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  if (threads <= 0) {
    await here();
    cache?.setMany(fresh.map(([key, result]) => [key, result]));
    return results;
  }

  const pool = Array.from({ length: threads }, () => new Worker(new URL('./worker-start.js', import.meta.url)));
  try {
    let failed: (error: Error) => void = () => undefined;
    const failure = new Promise<never>((_, reject) => {
      failed = (error) => {
        scheduler.stop();
        reject(error);
      };
    });
    pool.forEach((worker, id) => {
      const next = (): void => {
        const batch = scheduler.batch(id);
        if (batch.length > 0) {
          worker.postMessage({
            items: batch.map(({ index, source, options: itemOptions }) => ({ index, source, options: itemOptions })),
            compact,
          });
        }
      };
      worker.on('message', (done: 'ready' | WorkerResult[]) => {
        if (done !== 'ready') {
          for (const { index, result: sent, bytes, error } of done) {
            // With `compact`, the worker sends the HTML as bytes: this thread never holds it as a string.
            const result = bytes ? fromBytes(bytes.rest, bytes.html, bytes.excerptHtml) : sent;
            if (error !== undefined) {
              const name = items[index]?.options?.file ?? `item ${index}`;
              failed(new Error(`[@blog/markdown] could not render ${name}: ${error}`));
              return;
            }
            const item = scheduler.byIndex(index);
            if (!scheduler.isDone(item)) {
              scheduler.finish(item);
              store(index, result!, item.key, bytes !== undefined);
            }
          }
        }
        next();
      });
      worker.on('error', failed);
    });
    await Promise.race([here(), failure]);
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  // In the order of the items, so the cache's pack does not depend on which thread finished first.
  fresh.sort((a, b) => a[2] - b[2]);
  cache?.setMany(fresh.map(([key, result]) => [key, result]));
  return results;
}

type Pending = { index: number; source: string; options: RenderOptions; key?: string };

/** What a worker sends back for a post (see worker.ts). */
export type WorkerResult = { index: number; result?: RenderResult; bytes?: ResultBytes; error?: string };

/**
 * Who renders what. This thread takes posts one at a time from the front; a worker gets a batch only once it
 * has started (loading the pipeline takes a second or two, Shiki's grammars as long again), first of one post,
 * then twice as many each time up to `batchSize`, so a worker still warming up holds few posts. When no post
 * is left to start, this thread also renders the posts a worker still holds, and the first result stands:
 * renderAll is never much slower than rendering here alone, whatever the workers' start-up costs. Results do
 * not depend on who renders them.
 */
class Scheduler {
  readonly #queue: Pending[];
  #next = 0;
  readonly #done = new Set<number>();
  readonly #held = new Map<number, Pending[]>();
  readonly #sizes = new Map<number, number>();
  readonly #byIndex: Map<number, Pending>;
  readonly #batchSize: number;
  #stopped = false;

  constructor(queue: Pending[], batchSize: number) {
    this.#queue = queue;
    this.#batchSize = Math.max(1, batchSize);
    this.#byIndex = new Map(queue.map((item) => [item.index, item]));
  }

  /** The next post for this thread: one not yet given out, else one a worker holds and has not returned. */
  take(): Pending | undefined {
    if (this.#stopped) return undefined;
    if (this.#next < this.#queue.length) return this.#queue[this.#next++];
    for (const batch of this.#held.values()) {
      const item = batch.find((held) => !this.#done.has(held.index));
      if (item) return item;
    }
    return undefined;
  }

  /** The next batch for worker `id`: its previous batch is done. */
  batch(id: number): Pending[] {
    const size = Math.min(this.#batchSize, (this.#sizes.get(id) ?? 0.5) * 2);
    this.#sizes.set(id, size);
    const batch = this.#queue.slice(this.#next, this.#next + size);
    this.#next += batch.length;
    this.#held.set(id, batch);
    return batch;
  }

  byIndex(index: number): Pending {
    return this.#byIndex.get(index)!;
  }

  isDone(item: Pending): boolean {
    return this.#done.has(item.index);
  }

  finish(item: Pending): void {
    this.#done.add(item.index);
  }

  /** Gives out nothing more: a post could not be rendered. */
  stop(): void {
    this.#stopped = true;
  }
}
