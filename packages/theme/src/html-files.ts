/**
 * Jekyll's `x.html` pages. Astro writes the page of a path as
 * `x/index.html`, and the theme moves it to `x.html` when the build is done
 * (see routes/page.astro). Before the next build, each `x.html` is linked
 * back (a hard link: no copy) where Astro looks for it, so Astro finds the
 * pages it reuses in place and writes only the others; when the build is
 * done, the links go again. Without this, Astro would copy every reused
 * `.html` page from its cache, and the move would delete the old file: two
 * file operations per post, on every build.
 */
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { astroPath, htmlDocuments, type Blog } from '@blog/model';
import { readRecord, writeRecord } from './records.js';
import { yieldingEvery } from './shared.js';

/** A page Astro writes as `written` (`x/index.html`) and Jekyll as `target` (`x.html`), below the output folder. */
export interface HtmlFile {
  written: string;
  target: string;
}

/** The blog's pages whose Jekyll file is not `…/index.html`. */
export function htmlFiles(blog: Blog): HtmlFile[] {
  return [
    ...htmlDocuments(blog).map((document) => [document.permalink, document.outputPath] as const),
    ...blog.redirects.map((redirect) => [redirect.from, redirect.outputPath] as const),
  ]
    .filter(([, outputPath]) => !outputPath.endsWith('index.html'))
    .map(([permalink, outputPath]) => ({
      written: join(astroPath(permalink), 'index.html'),
      target: outputPath,
    }));
}

const sameFile = (a: string, b: string) => {
  try {
    return statSync(a).ino === statSync(b).ino;
  } catch {
    return false;
  }
};

const removeFolder = (path: string) => {
  try {
    rmdirSync(path);
  } catch {
    // Not empty: it holds other pages too.
  }
};

/** Before a build: links the `x.html` pages of the previous build into `out` back to `x/index.html`. */
export function linkBack(out: string, cacheDir: string): HtmlFile[] {
  const linked: HtmlFile[] = [];
  for (const file of readRecord<HtmlFile[]>(cacheDir, 'html-files', out) ?? []) {
    const target = join(out, file.target);
    const written = join(out, file.written);
    if (!existsSync(target) || existsSync(written)) continue;
    mkdirSync(dirname(written), { recursive: true });
    linkSync(target, written);
    linked.push(file);
  }
  return linked;
}

/**
 * When the build is done: gives the pages Astro wrote (`produced`, paths below `out`) Jekyll's names,
 * drops the links of `linkBack` with the pages that are gone, and records the files for the next build.
 * The search index is still being made meanwhile: the event loop runs every few milliseconds (see
 * `yieldingEvery`).
 */
export async function moveToJekyllNames(
  out: string,
  cacheDir: string,
  files: HtmlFile[],
  linked: HtmlFile[],
  produced: ReadonlySet<string>,
): Promise<void> {
  const step = yieldingEvery(4);
  for (const file of linked) {
    await step();
    if (produced.has(file.written)) continue;
    // A page of the previous build that this one does not have.
    rmSync(join(out, file.written), { force: true });
    rmSync(join(out, file.target), { force: true });
    removeFolder(dirname(join(out, file.written)));
  }
  for (const file of files) {
    await step();
    const written = join(out, file.written);
    if (!existsSync(written)) continue;
    const target = join(out, file.target);
    if (sameFile(written, target)) {
      // Linked back, and reused or written again in place: `x.html` holds the page.
      unlinkSync(written);
    } else {
      // Through a temporary name, in case the folder has the target's name.
      const temporary = `${target}.${process.pid}.tmp`;
      mkdirSync(dirname(target), { recursive: true });
      renameSync(written, temporary);
      removeFolder(dirname(written));
      renameSync(temporary, target);
      continue;
    }
    removeFolder(dirname(written));
  }
  writeRecord(cacheDir, 'html-files', out, files);
}
