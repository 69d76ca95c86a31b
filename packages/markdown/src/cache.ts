/**
 * A content-hash cache of render results on disk: a post whose source and
 * options are unchanged is read back, not rendered again. The key covers the
 * source, the excerpt, the file name and line, every option, the versions
 * of this package and of both highlighters (Shiki, refractor for Prism), and
 * a digest of this package's own code (`render-key.ts`), so neither an
 * upgrade nor a change to an unreleased copy serves stale HTML.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileStamp } from './rehype-images.js';
import type { ResultBytes } from './render-all.js';
import { codeVersions, renderKey } from './render-key.js';
import type { RenderOptions, RenderResult } from './render.js';
import type { Translations } from './shiki-regexes.js';

const translationsFile = 'shiki-regexes.json';
let translationsKey: string | undefined;

/**
 * What Shiki's translated patterns depend on: this package (its translation options), the translator's
 * code, and the JavaScript engine (the translator writes for the newest regex syntax it supports).
 */
function translationsVersion(): string {
  translationsKey ??= createHash('sha256')
    .update(codeVersions())
    .update(readFileSync(fileURLToPath(import.meta.resolve('oniguruma-to-es'))))
    .update(process.versions.v8)
    .digest('base64url');
  return translationsKey;
}

/**
 * A compact result's HTML as the UTF-8 bytes it holds (see `renderAll`), under this key: stored as it is,
 * with no string made. Not enumerable, so a copy of the result does not carry it.
 */
export const heldBytes = Symbol('@blog/markdown held bytes');

/**
 * Bytes a store of `renderAll` holds: their length, and what reads them back. What `read` gives may be a
 * view of a buffer the store reads into each time: use it before reading again.
 */
export interface StoredBytes {
  length: number;
  read(): Buffer;
}

/** What a result has under {@link heldBytes}: its HTML, and its excerpt's when it is not the whole post. */
export type HeldBytes = { html: StoredBytes; excerptHtml: StoredBytes | undefined };

/**
 * A buffer to read into, grown as needed, for bytes used at once (decoded, written, copied): a buffer for
 * each read would be new memory each time, which the system maps page by page.
 */
export function readBuffer(): (length: number) => Buffer {
  let buffer = Buffer.allocUnsafeSlow(0);
  return (length) => {
    if (buffer.length < length) buffer = Buffer.allocUnsafeSlow(Math.max(length, 2 * buffer.length));
    return buffer.subarray(0, length);
  };
}

/** A piece of an entry, as it is written: bytes, or held bytes read when their turn comes. */
type Piece = Uint8Array | StoredBytes;

const bytesOf = (piece: Piece): Uint8Array => ('read' in piece ? piece.read() : piece);

/**
 * An entry's first line: the result without its HTML (with the state of each file it read, `fileStamps`), and
 * the length in bytes of its HTML and of its excerpt's (`null`: the excerpt is the whole post). The HTML
 * follows as UTF-8, then the excerpt's: read back as bytes, not as a JSON string to unescape, they go to a
 * compact result (see `renderAll`) as they are.
 */
type Header = ResultBytes['rest'] & { htmlBytes: number; excerptBytes: number | null };

/** Where an entry is in a pack file: its offset and length in bytes. */
type Place = { pack: string; offset: number; length: number };

/** Packs kept before the entries in use are copied into one and the others deleted. */
const packLimit = 4;

/**
 * A render cache in a folder; safe to share between processes and worker threads.
 *
 * Single results ({@link RenderCache.set}) are a file each. Many results at once
 * ({@link RenderCache.setMany}, as `renderAll` stores them) go into one pack file with an index:
 * one file written instead of thousands, and read back without opening a file per post. When there
 * are more than four packs, the entries this process used are copied into one and the rest deleted,
 * so the folder holds what the blog uses, not every version of every post.
 */
export class RenderCache {
  /** Results read from the cache since it was created. */
  hits = 0;
  /** Results that had to be rendered. */
  misses = 0;
  readonly dir: string;
  #packs: Map<string, Place> | undefined;
  #files = new Map<string, number>();
  readonly #readBuffer = readBuffer();
  /** Entries read from packs or stored by this process: what a compaction keeps. */
  #used = new Map<string, Place>();

  /**
   * @param dir Folder for the entries, created when missing. Keep it where
   *   your CI caches folders between builds (for example
   *   `node_modules/.cache/@blog/markdown`).
   */
  constructor(dir: string) {
    this.dir = dir;
  }

  /** The key of a render: a hash of everything the result depends on (see `render-key.ts`). */
  key(source: string, options: RenderOptions): string {
    return renderKey(source, options);
  }

  /** The cached result, or `undefined`; a result is stale when a file it read (an image) has changed since. */
  get(key: string): RenderResult | undefined {
    const entry = this.getBytes(key);
    if (!entry) return undefined;
    const html = entry.html.toString();
    return { html, excerptHtml: entry.excerptHtml?.toString() ?? html, ...entry.rest };
  }

  /**
   * The cached result as {@link get} gives it, with its HTML (and its excerpt's, when not the whole post) as
   * UTF-8 bytes, not decoded: what `renderAll`'s compact results hold. The bytes are those of a buffer the
   * cache reads every entry into: copy them to keep them past the next read.
   */
  getBytes(key: string): ResultBytes | undefined {
    const place = this.#index().get(key);
    const bytes = place ? this.#readBytes(place) : this.#readFile(join(this.dir, key.slice(0, 2), `${key}.entry`));
    const entry = bytes && parseEntry(bytes);
    if (!entry) return undefined;
    const { files, fileStamps } = entry.rest;
    if (
      !Array.isArray(files) ||
      !Array.isArray(fileStamps) ||
      files.length !== fileStamps.length ||
      files.some((file, index) => fileStamp(file) !== fileStamps[index])
    ) {
      return undefined;
    }
    if (place) this.#used.set(key, place);
    this.hits++;
    return entry;
  }

  /**
   * Stores a result; written to a temporary file and renamed, so readers never see half an entry.
   * A result with messages (a problem, or a fallback such as code shown plain) is not stored: it is
   * rendered again next time, so a rendering that went wrong once is never served from the cache.
   */
  set(key: string, result: RenderResult): void {
    if (!cacheable(result)) return;
    const folder = join(this.dir, key.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    // Each piece copied as it is read: held ones may share the buffer they are read into.
    writeWhole(
      join(folder, `${key}.entry`),
      Buffer.concat(entryPieces(result).map((piece) => Buffer.from(bytesOf(piece)))),
    );
  }

  /** Stores many results in one pack file (see the class), and closes the packs this cache read; results with messages are skipped, as by {@link RenderCache.set}. */
  setMany(results: Iterable<readonly [key: string, result: RenderResult]>): void {
    try {
      // Each entry is made into bytes as it is written: all of them at once would be a build's worth.
      const entries = new Map<string, () => Piece[] | undefined>();
      for (const [key, result] of results) {
        if (cacheable(result)) entries.set(key, () => entryPieces(result));
      }
      if (entries.size === 0) return;
      const packs = join(this.dir, 'packs');
      mkdirSync(packs, { recursive: true });
      const old = readdirSync(packs).filter((name) => name.endsWith('.index.json'));
      const compact = old.length + 1 > packLimit;
      if (compact) {
        for (const [key, place] of this.#used) {
          if (!entries.has(key)) {
            entries.set(key, () => {
              const bytes = this.#readBytes(place);
              return bytes && [bytes];
            });
          }
        }
      }
      const written = this.#writePack(packs, entries);
      // What this cache used, for a later compaction: where each entry is now.
      for (const [key, place] of written) this.#used.set(key, place);
      if (compact) {
        for (const name of old) {
          for (const file of [name, name.replace(/\.index\.json$/, '.pack')])
            rmSync(join(packs, file), { force: true });
        }
      }
      // The next read looks at the packs again.
      this.#packs = undefined;
    } finally {
      for (const fd of this.#files.values()) closeSync(fd);
      this.#files.clear();
    }
  }

  /**
   * Writes a pack and its index, with the pieces of each entry (none: left out), each read as it is written.
   *
   * @returns where each entry is in the new pack
   */
  #writePack(packs: string, entries: ReadonlyMap<string, () => Piece[] | undefined>): Map<string, Place> {
    const name = `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const pack = join(packs, `${name}.pack`);
    const index: Record<string, [offset: number, length: number]> = {};
    const places = new Map<string, Place>();
    const temporary = join(packs, `${name}.pack.tmp`);
    const fd = openSync(temporary, 'w');
    try {
      let offset = 0;
      for (const [key, entry] of entries) {
        const pieces = entry();
        if (!pieces) continue;
        let length = 0;
        for (const piece of pieces) {
          const bytes = bytesOf(piece);
          for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
          length += bytes.length;
        }
        index[key] = [offset, length];
        places.set(key, { pack, offset, length });
        offset += length;
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, pack);
    // The index last: a reader finds only packs that are whole.
    writeWhole(join(packs, `${name}.index.json`), JSON.stringify(index));
    return places;
  }

  /** Shiki's patterns as earlier builds translated them (see shiki-regexes.ts); none when they were made otherwise. */
  translations(): Translations {
    try {
      const kept = JSON.parse(readFileSync(join(this.dir, translationsFile), 'utf8')) as {
        version?: unknown;
        translations?: unknown;
      };
      return kept.version === translationsVersion() && Array.isArray(kept.translations)
        ? (kept.translations as Translations)
        : [];
    } catch {
      return [];
    }
  }

  /** Keeps Shiki's translated patterns for the next build (written whole, then renamed into place). */
  setTranslations(translations: Translations): void {
    mkdirSync(this.dir, { recursive: true });
    writeWhole(join(this.dir, translationsFile), JSON.stringify({ version: translationsVersion(), translations }));
  }

  /** Every entry of every pack, by key (the newest pack wins), read once. */
  #index(): Map<string, Place> {
    if (this.#packs) return this.#packs;
    this.#packs = new Map();
    const packs = join(this.dir, 'packs');
    let names: string[];
    try {
      names = readdirSync(packs)
        .filter((name) => name.endsWith('.index.json'))
        .sort();
    } catch {
      return this.#packs;
    }
    for (const name of names) {
      let index: Record<string, [number, number]>;
      try {
        index = JSON.parse(readFileSync(join(packs, name), 'utf8')) as typeof index;
      } catch {
        continue;
      }
      const pack = join(packs, name.replace(/\.index\.json$/, '.pack'));
      for (const [key, [offset, length]] of Object.entries(index)) this.#packs.set(key, { pack, offset, length });
    }
    return this.#packs;
  }

  #readBytes(place: Place): Buffer | undefined {
    try {
      let fd = this.#files.get(place.pack);
      if (fd === undefined) {
        fd = openSync(place.pack, 'r');
        this.#files.set(place.pack, fd);
      }
      const bytes = this.#readBuffer(place.length);
      return readSync(fd, bytes, 0, place.length, place.offset) === place.length ? bytes : undefined;
    } catch {
      // Deleted by another build's compaction: a miss.
      return undefined;
    }
  }

  #readFile(path: string): Buffer | undefined {
    try {
      return readFileSync(path);
    } catch {
      return undefined;
    }
  }
}

/** Writes a file under another name, then renames it into place: a reader never sees half of it. */
function writeWhole(path: string, text: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Only a rendering that reported nothing is kept: see {@link RenderCache.set}. */
function cacheable(result: RenderResult): boolean {
  return result.messages.length === 0;
}

/**
 * A result as stored (see {@link Header}), with the state of the files it read: the header's bytes, then its
 * HTML's and its excerpt's, held ones (a compact result's) read when written.
 */
function entryPieces(result: RenderResult): Piece[] {
  const held = (result as { [heldBytes]?: HeldBytes })[heldBytes];
  const html: Piece = held ? held.html : Buffer.from(result.html);
  const excerpt: Piece | undefined = held
    ? held.excerptHtml
    : result.excerptHtml === result.html
      ? undefined
      : Buffer.from(result.excerptHtml);
  // Without reading `html` and `excerptHtml`: a compact result would decode them.
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(result) as (keyof RenderResult)[]) {
    if (key !== 'html' && key !== 'excerptHtml') rest[key] = result[key];
  }
  const header: Header = {
    ...(rest as ResultBytes['rest']),
    htmlBytes: html.length,
    excerptBytes: excerpt?.length ?? null,
  };
  // JSON has no raw line break: the first one ends the header.
  return [Buffer.from(`${JSON.stringify(header)}\n`), html, ...(excerpt ? [excerpt] : [])];
}

/** An entry's result, with its HTML as bytes; `undefined` when it is not whole. */
function parseEntry(bytes: Buffer): ResultBytes | undefined {
  const end = bytes.indexOf(0x0a);
  if (end === -1) return undefined;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, end)) as Header;
  } catch {
    return undefined;
  }
  const { htmlBytes, excerptBytes, ...rest } = header;
  const htmlEnd = end + 1 + htmlBytes;
  if (
    !Number.isInteger(htmlBytes) ||
    (excerptBytes !== null && !Number.isInteger(excerptBytes)) ||
    htmlEnd + (excerptBytes ?? 0) !== bytes.length
  ) {
    return undefined;
  }
  return {
    rest,
    html: bytes.subarray(end + 1, htmlEnd),
    excerptHtml: excerptBytes === null ? undefined : bytes.subarray(htmlEnd),
  };
}
