/**
 * Writes the search index with Pagefind, part by part (see `search.ts`),
 * reusing the parts whose pages are unchanged since the previous build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchBundle } from './search.js';

// A part written by another version of Pagefind is written again.
const pagefindVersion: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8'),
).version;

/** What the previous build wrote, in the theme's cache folder. */
interface Manifest {
  version: string;
  /** The output folder it describes: a build to another folder starts afresh. */
  out: string;
  /** Content digests of indexed pages, valid while the file's change time and size are the same. */
  pages: Record<string, [changed: number, size: number, digest: string]>;
  parts: { key: string; files: string[] }[];
}

/** Files of a merged part that only the main bundle needs: the search UI and the WebAssembly. */
const uiOnly = /^(pagefind-.*\.(js|css)|pagefind\.js|wasm\..*\.pagefind)$/;

const digest = (data: string | Buffer) => createHash('sha256').update(data).digest('base64url');

/** A Pagefind glob matching exactly these files. */
const globOf = (files: string[]) => `{${files.map((file) => file.replace(/[\\?*[\]{}!,]/g, '\\$&')).join(',')}}`;

export interface SearchIndexResult {
  /** Files of the index below the output folder, written now or kept from the previous build. */
  files: string[];
  pages: number;
  /** The parts written by this build, of `parts`. */
  written: number;
  parts: number;
}

/**
 * Indexes `parts` (HTML files below `out`, one list per part) and writes each part's bundle, unless its
 * pages' contents are those the previous build indexed and its files are still in place.
 */
export async function writeSearchIndex(out: string, parts: string[][], cacheDir: string): Promise<SearchIndexResult> {
  const manifestFile = join(cacheDir, 'search-index.json');
  let previous: Manifest = { version: pagefindVersion, out, pages: {}, parts: [] };
  if (existsSync(manifestFile)) {
    const stored = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (stored.version === pagefindVersion && stored.out === out) previous = stored;
  }
  const next: Manifest = { version: pagefindVersion, out, pages: {}, parts: [] };
  const keys = parts.map((part, number) => {
    const contents = part.map((file) => {
      let stats;
      try {
        stats = statSync(join(out, file));
      } catch {
        throw new Error(`[@blog/theme] search: the build did not write ${file}`);
      }
      const known = previous.pages[file];
      const value: Manifest['pages'][string] =
        known && known[0] === stats.ctimeMs && known[1] === stats.size
          ? known
          : [stats.ctimeMs, stats.size, digest(readFileSync(join(out, file)))];
      next.pages[file] = value;
      return [file, value[2]];
    });
    return digest(JSON.stringify([searchBundle(number), contents]));
  });
  let written = 0;
  // One part at a time, as Pagefind uses both cores on one already and then holds only one in memory;
  // a part's files are written while Pagefind indexes the next.
  let writing = Promise.resolve();
  for (const [number, part] of parts.entries()) {
    const key = keys[number]!;
    const before = previous.parts[number];
    if (before?.key === key && before.files.every((file) => existsSync(join(out, file)))) {
      next.parts.push(before);
      continue;
    }
    const output = await indexPart(out, number, part);
    await writing;
    writing = writeOutput(out, output);
    next.parts.push({ key, files: output.map(({ file }) => file) });
    written++;
  }
  await writing;
  await pagefind.close();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(manifestFile, JSON.stringify(next));
  return {
    files: next.parts.flatMap((part) => part.files),
    pages: parts.reduce((sum, part) => sum + part.length, 0),
    written,
    parts: parts.length,
  };
}

/** Indexes one part's pages; returns the files of its bundle, below the output folder. */
async function indexPart(
  out: string,
  number: number,
  part: string[],
): Promise<{ file: string; content: Uint8Array }[]> {
  const bundle = searchBundle(number);
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('[@blog/theme] Pagefind could not start');
  const added = await index.addDirectory({ path: out, glob: globOf(part) });
  if (added.errors.length > 0) throw new Error(`[@blog/theme] Pagefind: ${added.errors.join('; ')}`);
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

/** Writes a bundle's files; most are named by their content, and those already in place are left alone. */
async function writeOutput(out: string, files: { file: string; content: Uint8Array }[]): Promise<void> {
  const folders = new Set(files.map(({ file }) => dirname(join(out, file))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(
    files.map(async ({ file, content }) => {
      const target = join(out, file);
      const existing = await readFile(target).catch(() => undefined);
      if (!existing?.equals(content)) await writeFile(target, content);
    }),
  );
}
