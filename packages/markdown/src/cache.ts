/**
 * A content-hash cache of render results on disk: a post whose source and
 * options are unchanged is read back, not rendered again. The key covers the
 * source, the excerpt, the file name and line, every option, and the
 * versions of this package and of Shiki, so an upgrade never serves stale
 * HTML.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { resolveOptions } from './options.js';
import { fileStamp } from './rehype-images.js';
import type { RenderOptions, RenderResult } from './render.js';

const require = createRequire(import.meta.url);
const versions = [
  (require('../package.json') as { version: string }).version,
  (require('shiki/package.json') as { version: string }).version,
].join('+');

/** What an entry holds: the result, and the state of each file it read when it was made. */
type Entry = RenderResult & { stamps: string[] };

/** A render cache in a folder; safe to share between processes and worker threads. */
export class RenderCache {
  /** Results read from the cache since it was created. */
  hits = 0;
  /** Results that had to be rendered. */
  misses = 0;
  readonly dir: string;

  /**
   * @param dir Folder for the entries, created when missing. Keep it where
   *   your CI caches folders between builds (for example
   *   `node_modules/.cache/@blog/markdown`).
   */
  constructor(dir: string) {
    this.dir = dir;
  }

  /** The key of a render: a hash of everything the result depends on. */
  key(source: string, options: RenderOptions): string {
    const { file, line, excerpt, ...rest } = options;
    return createHash('sha256')
      .update(JSON.stringify([versions, resolveOptions(rest), file, line, excerpt, source]))
      .digest('hex');
  }

  /** The cached result, or `undefined`; a result is stale when a file it read (an image) has changed since. */
  get(key: string): RenderResult | undefined {
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(join(this.dir, key.slice(0, 2), `${key}.json`), 'utf8')) as Entry;
    } catch {
      return undefined;
    }
    const { stamps, ...result } = entry;
    if (!Array.isArray(stamps) || result.files.some((file, index) => fileStamp(file) !== stamps[index])) {
      return undefined;
    }
    this.hits++;
    return result;
  }

  /** Stores a result; written to a temporary file and renamed, so readers never see half an entry. */
  set(key: string, result: RenderResult): void {
    const folder = join(this.dir, key.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    const temporary = join(folder, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    const entry: Entry = { ...result, stamps: result.files.map(fileStamp) };
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, join(folder, `${key}.json`));
  }
}
