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
import type { RenderOptions, RenderResult } from './render.js';

const require = createRequire(import.meta.url);
const versions = [
  (require('../package.json') as { version: string }).version,
  (require('shiki/package.json') as { version: string }).version,
].join('+');

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

  /** The cached result, or `undefined`. */
  get(key: string): RenderResult | undefined {
    try {
      const result = JSON.parse(readFileSync(join(this.dir, key.slice(0, 2), `${key}.json`), 'utf8')) as RenderResult;
      this.hits++;
      return result;
    } catch {
      return undefined;
    }
  }

  /** Stores a result; written to a temporary file and renamed, so readers never see half an entry. */
  set(key: string, result: RenderResult): void {
    const folder = join(this.dir, key.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    const temporary = join(folder, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    writeFileSync(temporary, JSON.stringify(result));
    renameSync(temporary, join(folder, `${key}.json`));
  }
}
