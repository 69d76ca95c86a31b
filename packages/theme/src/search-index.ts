/**
 * The search index, written with Pagefind part by part (see `search.ts`).
 *
 * It is made from the rendered posts, not from the built pages: the routes
 * start it as soon as the posts are rendered ({@link indexSearch}), and
 * Pagefind indexes on one core while Astro writes the pages on the other;
 * each part's files are written as soon as it is made, and kept in the
 * theme's cache; {@link recordSearchIndex} records them for the next build.
 * A part whose posts are unchanged since the previous build is not indexed
 * again: its files are left in place, or written from the cache when the
 * output folder is new (a deploy from a fresh checkout with CI's caches).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { xmlAttribute, xmlText } from '@blog/feed';
import { parseCached, readRecord, writeRecord } from './records.js';
import { searchBundle } from './search.js';

/** A post or page to index. */
export interface SearchDocument {
  /** Its address, base URL included: what a search result links to. */
  url: string;
  title: string;
  /** Its rendered HTML. */
  html: string;
  /** A digest of all of it: when unchanged, so is its entry in the index. */
  digest: string;
}

/**
 * What Pagefind is given for a document: its title as the heading, then its content without `<span>`
 * tags. Spans carry no meaning for search, and highlighted code is mostly spans (one per token): without
 * them Pagefind reads half as much.
 */
function searchPage(language: string, document: SearchDocument): string {
  const title = document.title ? `<h1>${xmlText(document.title)}</h1>` : '';
  const content = document.html.replace(/<\/?span\b(?:"[^"]*"|'[^']*'|[^'">])*>/g, '');
  return `<!doctype html><html lang="${xmlAttribute(language)}"><head><title>${xmlText(document.title)}</title></head><body><article data-pagefind-body>${title}${content}</article></body></html>`;
}

// A part made by another version of Pagefind, or from pages made otherwise, is made again.
const pagefindVersion: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8'),
).version;
const version = createHash('sha256').update(pagefindVersion).update(searchPage.toString()).digest('base64url');

/** What a build records of its index for the next (see records.ts). */
interface Manifest {
  version: string;
  parts: { key: string; files: string[] }[];
}

type BundleFile = { file: string; content: Uint8Array };

/** The index of a build, written. */
export interface IndexedSearch {
  out: string;
  cacheDir: string;
  /** Documents in the index. */
  documents: number;
  /** Each part: its key, its files, and whether this build indexed it. */
  parts: { key: string; files: string[]; indexed: boolean }[];
}

/** Files of a merged part that only the main bundle needs: the search UI and the WebAssembly. */
const uiOnly = /^(pagefind-.*\.(js|css)|pagefind\.js|wasm\..*\.pagefind)$/;

/**
 * Makes the search index in `out`: the parts whose documents changed since the previous build are
 * indexed; the others are left in place, or written from the cache when they are not there.
 */
export async function indexSearch(
  out: string,
  cacheDir: string,
  language: string,
  parts: SearchDocument[][],
): Promise<IndexedSearch> {
  const stored = readRecord<Manifest>(cacheDir, 'search-index', out);
  const previous: Manifest = stored?.version === version ? stored : { version, parts: [] };
  const documents = parts.reduce((sum, part) => sum + part.length, 0);
  const indexed: IndexedSearch = { out, cacheDir, documents, parts: [] };
  // A part's files are written while Pagefind indexes the next.
  const writes: Promise<void>[] = [];
  try {
    // One part at a time: Pagefind then holds one in memory, and leaves a core to Astro.
    for (const [number, part] of parts.entries()) {
      const key = createHash('sha256')
        .update(
          JSON.stringify([version, searchBundle(number), part.map((document) => [document.url, document.digest])]),
        )
        .digest('base64url');
      const before = previous.parts[number];
      if (before?.key === key && before.files.every((file) => existsSync(join(out, file)))) {
        indexed.parts.push({ ...before, indexed: false });
        continue;
      }
      // Not in this output folder (a fresh checkout with the caches of CI): from the cache, if it is there.
      let files = await readPart(cacheDir, key);
      const fresh = !files;
      if (!files) {
        files = await indexPart(number, part, language);
        writes.push(storePart(cacheDir, key, files));
      }
      writes.push(writeBundle(out, files));
      indexed.parts.push({ key, files: files.map(({ file }) => file), indexed: fresh });
    }
  } finally {
    await pagefind.close();
    await Promise.all(writes);
  }
  return indexed;
}

/** Where a part's files are kept between builds: one file, where the part has hundreds. */
const partFile = (cacheDir: string, key: string) => join(cacheDir, 'search', `${key}.json`);

async function storePart(cacheDir: string, key: string, files: BundleFile[]): Promise<void> {
  await mkdir(join(cacheDir, 'search'), { recursive: true });
  const temporary = `${partFile(cacheDir, key)}.${process.pid}.tmp`;
  await writeFile(
    temporary,
    JSON.stringify(files.map(({ file, content }) => [file, Buffer.from(content).toString('base64')])),
  );
  await rename(temporary, partFile(cacheDir, key));
}

async function readPart(cacheDir: string, key: string): Promise<BundleFile[] | undefined> {
  const stored = await readFile(partFile(cacheDir, key), 'utf8').catch(() => undefined);
  return parseCached<[string, string][]>(stored)?.map(([file, content]) => ({
    file,
    content: Buffer.from(content, 'base64'),
  }));
}

/** Writes a bundle's files below `out`. Most are named by their content: those already in place are left alone. */
async function writeBundle(out: string, files: BundleFile[]): Promise<void> {
  await Promise.all(
    [...new Set(files.map(({ file }) => dirname(join(out, file))))].map((folder) => mkdir(folder, { recursive: true })),
  );
  await Promise.all(
    files.map(async ({ file, content }) => {
      const target = join(out, file);
      const existing = await readFile(target).catch(() => undefined);
      if (!existing?.equals(content)) await writeFile(target, content);
    }),
  );
}

/** Indexes one part; returns the files of its bundle, below the output folder. */
async function indexPart(number: number, part: SearchDocument[], language: string): Promise<BundleFile[]> {
  const bundle = searchBundle(number);
  const { index, errors: startErrors } = await pagefind.createIndex({});
  if (!index) throw new Error(`[@blog/theme] Pagefind could not start: ${startErrors.join('; ')}`);
  // A few in flight at a time: Pagefind takes the next while it indexes one, without holding them all.
  const queue = [...part];
  const feed = async () => {
    for (let document = queue.shift(); document; document = queue.shift()) {
      const { errors } = await index.addHTMLFile({ url: document.url, content: searchPage(language, document) });
      if (errors.length > 0) throw new Error(`[@blog/theme] Pagefind, indexing ${document.url}: ${errors.join('; ')}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, feed));
  const { files, errors } = await index.getFiles();
  if (errors.length > 0) throw new Error(`[@blog/theme] Pagefind: ${errors.join('; ')}`);
  await index.deleteIndex();
  return (
    files
      // A merged part needs its index, not a copy of the search UI.
      .filter(({ path }) => number === 0 || !uiOnly.test(path))
      .map(({ path, content }) => ({ file: `${bundle}${path}`, content }))
  );
}

export interface SearchIndexResult {
  documents: number;
  /** Files of the index below the output folder, written now or kept from the previous build. */
  files: string[];
  /** The parts this build indexed, of `parts`; the others were reused. */
  indexed: number;
  parts: number;
}

/** Records the parts of the index for the next build, and forgets older ones; returns what the build did. */
export async function recordSearchIndex(indexed: IndexedSearch): Promise<SearchIndexResult> {
  const manifest: Manifest = { version, parts: indexed.parts.map(({ key, files }) => ({ key, files })) };
  writeRecord(indexed.cacheDir, 'search-index', indexed.out, manifest);
  const current = new Set(manifest.parts.map(({ key }) => `${key}.json`));
  const stored = await readdir(join(indexed.cacheDir, 'search')).catch(() => []);
  await Promise.all(
    stored
      .filter((name) => !current.has(name))
      .map((name) => rm(join(indexed.cacheDir, 'search', name), { force: true })),
  );
  return {
    documents: indexed.documents,
    files: manifest.parts.flatMap((part) => part.files),
    indexed: indexed.parts.filter((part) => part.indexed).length,
    parts: indexed.parts.length,
  };
}
