/**
 * Renders many posts across worker threads, so every core works. Cached
 * results are read in this thread first; only the rest go to the workers.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { heldBytes, readBuffer, type HeldBytes, type StoredBytes } from './cache.js';
import { renderWithKey, type RenderOptions, type RenderResult } from './render.js';
import { addTranslations, knownTranslations, type Translations } from './shiki-regexes.js';

/** One post to render. */
export interface RenderItem {
  source: string;
  /**
   * Per-post options (`file`, `line`, `excerpt`, `baseUrl`…), over the shared ones. Not `cache`: the
   * items share the one `renderAll` is given.
   */
  options?: Omit<RenderOptions, 'cache'> | undefined;
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
  /**
   * With `compact`, a folder where the results' HTML is held instead of memory: one file, deleted as soon
   * as it is opened (the system keeps its bytes while a result needs them), read back when a result's
   * `html` or `excerptHtml` is read. 10,000 posts' HTML is about half a gigabyte; in the file it is kept
   * by the system's page cache, not by this process. Default: none (the bytes stay in memory).
   */
  spill?: string | undefined;
  /**
   * Whether this thread renders posts too; default true. With `false`, only the workers render (up to
   * `workers` of them, one for a single post) and this thread only takes their results in: its heap never holds a rendering's
   * garbage, which V8 lets grow to a gigabyte or more over thousands of posts and seldom gives back. A host
   * that keeps a large heap of its own, such as a site generator, wants this. With `'few'`, the same,
   * except that this thread renders alone when there are no more posts to render than one batch
   * (`batchSize`), as after an edit: starting a worker (a second or more) would cost more than their garbage.
   */
  mainThread?: boolean | 'few' | undefined;
  /**
   * The most memory, in megabytes, each worker's heap may grow to (V8's old generation); default: Node's
   * limit. A lower limit makes a worker collect its garbage sooner. A worker that runs out of memory is
   * not an error: what it held is rendered in this thread, with the same results.
   */
  workerHeapLimit?: number | undefined;
  /**
   * The most memory, in megabytes, each worker may use for new objects (V8's young generation); default:
   * what V8 chooses. A rendering makes short-lived objects by the million: with a small young generation
   * they are collected sooner and the worker holds less memory at once.
   */
  workerYoungLimit?: number | undefined;
  /**
   * `false` turns V8's allocation-site pretenuring off, in this process and all its threads, from this call
   * on; default: V8's own setting is left alone. V8 notes where objects that outlive a young-generation
   * collection were made, and makes that place's next objects in the old generation, collected far less
   * often and at greater cost. A rendering's trees live as long as their post: they outlive a collection
   * made in the middle of it and die soon after. Pretenured, they fill the old generation and keep its
   * marking running. A host that renders thousands of posts, as a site generator does, wants this off: a
   * cold rendering of 1,000 posts on two workers took 15–22% less time, a one-thread rendering 25%.
   */
  pretenuring?: boolean | undefined;
}

/**
 * The same result, with `html` and `excerptHtml` held as UTF-8 bytes and decoded each time they are read.
 * V8 holds a string with one character outside Latin-1 (a typographic quote, which nearly every post has)
 * at two bytes a character: as bytes, a rendering takes half the memory. Decoding a post takes microseconds.
 */
export function compactResult(result: RenderResult): RenderResult {
  return compactIn(memory, result);
}

function compactIn(store: ByteStore, result: RenderResult): RenderResult {
  const { html, excerptHtml, ...rest } = result;
  return fromBytes(store, rest, Buffer.from(html), excerptHtml === html ? undefined : Buffer.from(excerptHtml));
}

/** Where the bytes of compact results are held: `put` keeps them and gives what reads them back. */
interface ByteStore {
  put(bytes: Uint8Array): StoredBytes;
}

const memory: ByteStore = {
  put: (bytes) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { length: buffer.length, read: () => buffer };
  },
};

/** Closes a spill file's descriptor once no result reads from it any more. */
const spillFiles = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * Bytes appended to a file that is deleted as soon as it is opened: nothing is left behind, whatever ends
 * the process, and the bytes live as long as a result can read them (each reader holds the file).
 */
class SpillFile implements ByteStore {
  readonly #fd: number;
  #end = 0;
  /** What every read reads into: the bytes read are used at once, decoded or written to the cache. */
  readonly #buffer = readBuffer();

  constructor(folder: string) {
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `spill-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
    this.#fd = openSync(path, 'w+');
    rmSync(path, { force: true });
    spillFiles.register(this, this.#fd);
  }

  put(bytes: Uint8Array): StoredBytes {
    const at = this.#end;
    const length = bytes.byteLength;
    for (let written = 0; written < length;) {
      written += writeSync(this.#fd, bytes, written, length - written, at + written);
    }
    this.#end += length;
    return { length, read: () => this.#read(at, length) };
  }

  #read(at: number, length: number): Buffer {
    const buffer = this.#buffer(length);
    for (let read = 0; read < length;) {
      const count = readSync(this.#fd, buffer, read, length - read, at + read);
      if (count === 0) throw new Error('[@blog/markdown] a spilled rendering was cut short');
      read += count;
    }
    return buffer;
  }
}

/** A result whose HTML comes as UTF-8 bytes (the excerpt's only when it is not the whole post). */
export type ResultBytes = {
  rest: Omit<RenderResult, 'html' | 'excerptHtml'>;
  html: Uint8Array;
  excerptHtml?: Uint8Array | undefined;
};

/** A compact result from its bytes, as a worker sends them (see worker.ts): no string is made until read. */
function fromBytes(
  store: ByteStore,
  rest: ResultBytes['rest'],
  html: Uint8Array,
  excerpt: Uint8Array | undefined,
): RenderResult {
  const held: HeldBytes = { html: store.put(html), excerptHtml: excerpt && store.put(excerpt) };
  const result: RenderResult = {
    ...rest,
    get html() {
      return held.html.read().toString();
    },
    get excerptHtml() {
      return (held.excerptHtml ?? held.html).read().toString();
    },
  };
  // The cache stores the bytes as they are (see cache.ts).
  Object.defineProperty(result, heldBytes, { value: held });
  return result;
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
    spill,
    mainThread = true,
    workerHeapLimit,
    workerYoungLimit,
    pretenuring,
    ...shared
  } = options;
  // Process-wide, and read by V8 at each collection: set before anything is rendered, here or in a worker.
  if (pretenuring === false) setFlagsFromString('--no-allocation-site-pretenuring');
  const store = compact && spill ? new SpillFile(spill) : memory;
  const keep = compact ? (result: RenderResult) => compactIn(store, result) : (result: RenderResult) => result;
  const results: RenderResult[] = new Array(items.length);
  // Shiki's patterns as an earlier build translated them (see shiki-regexes.ts); the workers get them too.
  const kept = cache?.translations() ?? [];
  addTranslations(kept);
  const pending: Pending[] = [];
  items.forEach((item, index) => {
    if ((item.options as RenderOptions | undefined)?.cache !== undefined) {
      throw new TypeError(
        `renderAll: ${item.options?.file ?? `item ${index}`}: options.cache: expected none; the items share the \`cache\` of renderAll's options`,
      );
    }
    const itemOptions = { ...shared, ...item.options };
    if (cache) {
      const key = cache.key(item.source, itemOptions);
      // A compact result takes the cached HTML as the bytes it is stored as (copied when kept in memory:
      // the cache reads every entry into the same buffer).
      const hit = compact ? cache.getBytes(key) : cache.get(key);
      if (hit && 'rest' in hit) {
        const own = (bytes: Uint8Array | undefined) => (bytes && store === memory ? Buffer.from(bytes) : bytes);
        results[index] = fromBytes(store, hit.rest, own(hit.html)!, own(hit.excerptHtml));
        return;
      }
      if (hit) {
        results[index] = hit;
        return;
      }
      cache.misses++;
      pending.push({ index, source: item.source, options: itemOptions, key });
    } else pending.push({ index, source: item.source, options: itemOptions });
  });

  // New results go into the cache together, in one pack, when all are rendered.
  const fresh: [string, RenderResult, number][] = [];
  let done = 0;

  // By default this thread renders too: on N cores, N − 1 workers plus this one keep every core busy
  // and save one worker's start-up (loading the pipeline, creating Shiki). Without it, a worker renders
  // even a single post, so this thread goes on with its own work meanwhile; with `few`, this thread renders
  // a batch or less alone.
  const alone = mainThread === 'few' && pending.length <= batchSize;
  let threads = 0;
  if (mainThread === true) threads = Math.min(workerCount - 1, Math.floor(pending.length / batchSize));
  else if (!alone) {
    threads = Math.min(workerCount, Math.max(pending.length > 0 ? 1 : 0, Math.floor(pending.length / batchSize)));
  }
  const scheduler = new Scheduler(pending, batchSize);
  let rendered: () => void = () => undefined;
  const allRendered = new Promise<void>((resolve) => {
    rendered = resolve;
    if (pending.length === 0) resolve();
  });
  /** Keeps the first result of an item (`make` gives it as kept); a second one, rendered meanwhile, is dropped. */
  const take = (index: number, make: () => RenderResult) => {
    const item = scheduler.byIndex(index);
    if (scheduler.isDone(item)) return;
    scheduler.finish(item);
    const result = make();
    results[index] = result;
    if (item.key) fresh.push([item.key, result, index]);
    done++;
    onProgress?.(done, pending.length);
    if (done === pending.length) rendered();
  };
  const here = async (): Promise<void> => {
    for (let item = scheduler.take(); item; item = scheduler.take()) {
      if (!scheduler.isDone(item)) {
        const result = await renderWithKey(item.source, item.options, item.key);
        take(item.index, () => keep(result));
      }
      // Rendering never waits on I/O; yield so the workers' results are taken in and they get more work.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  /** Keeps the new results for the next build, and the translated patterns when there are new ones. */
  const keepForNextBuild = (): void => {
    cache?.setMany(fresh.map(([key, result]) => [key, result]));
    const known = knownTranslations();
    if (cache && known.length > kept.length) cache.setTranslations(known);
  };
  if (threads <= 0) {
    await here();
    keepForNextBuild();
    return results;
  }

  const resourceLimits = {
    ...(workerHeapLimit ? { maxOldGenerationSizeMb: workerHeapLimit } : {}),
    ...(workerYoungLimit ? { maxYoungGenerationSizeMb: workerYoungLimit } : {}),
  };
  const workerData = { translations: knownTranslations() };
  const pool = Array.from(
    { length: threads },
    () => new Worker(new URL('./worker-start.js', import.meta.url), { resourceLimits, workerData }),
  );
  // A worker that ran out of memory has stopped: `terminate()` would wait for an exit already past.
  const running = new Set(pool);
  for (const worker of pool) worker.once('exit', () => running.delete(worker));
  try {
    let failed: (error: Error) => void = () => undefined;
    const failure = new Promise<never>((_, reject) => {
      failed = (error) => {
        scheduler.stop();
        reject(error);
      };
    });
    // This thread's share: from the start, or from when a worker ran out of memory (it renders what the
    // worker held, and helps the others to the end).
    let helping: Promise<void> | undefined = mainThread === true ? here() : undefined;
    pool.forEach((worker, id) => {
      const next = (): void => {
        const batch = scheduler.batch(id);
        if (batch.length > 0) {
          // Each item with its key, when there is a cache: the worker does not compute it again.
          worker.postMessage({ items: batch, compact });
        }
      };
      worker.on('message', (done: 'ready' | WorkerBatch) => {
        if (done !== 'ready') {
          addTranslations(done.translations);
          for (const { index, result: sent, bytes, error } of done.results) {
            if (error !== undefined) {
              const name = items[index]?.options?.file ?? `item ${index}`;
              failed(new Error(`[@blog/markdown] could not render ${name}: ${error}`));
              return;
            }
            // With `compact`, the worker sends the HTML as bytes: this thread never holds it as a string.
            take(index, () => (bytes ? fromBytes(store, bytes.rest, bytes.html, bytes.excerptHtml) : keep(sent!)));
          }
        }
        next();
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') helping ??= here().catch(failed);
        else failed(error);
      });
    });
    await Promise.race([Promise.all([allRendered, helping]), failure]);
    // This thread may have started helping since: it stops at its next post.
    await helping;
  } finally {
    await Promise.all([...running].map((worker) => worker.terminate()));
  }
  // In the order of the items, so the cache's pack does not depend on which thread finished first.
  fresh.sort((a, b) => a[2] - b[2]);
  keepForNextBuild();
  return results;
}

type Pending = { index: number; source: string; options: RenderOptions; key?: string };

/** What a worker sends back for a post (see worker.ts). */
export type WorkerResult = { index: number; result?: RenderResult; bytes?: ResultBytes; error?: string };

/** What a worker sends back for a batch: its results, and the Shiki patterns it translated meanwhile. */
export type WorkerBatch = { results: WorkerResult[]; translations: Translations };

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
