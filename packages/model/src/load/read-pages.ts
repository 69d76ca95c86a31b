/**
 * Phase: reads the site's pages (files with front matter outside underscore
 * folders) and lists the static files (those without). Files the theme
 * generates itself and Sass stylesheets are skipped with their reason.
 */
import { basename, extname, join, posix } from 'node:path';
import { hasFrontMatter } from '../front-matter.js';
import { fillPermalink, pagePattern } from '../permalink.js';
import { documentOf, formatOf, outputExtOf, readSource } from './source.js';
import type { LoadState } from './state.js';

const styleExtensions = new Set(['.scss', '.sass', '.css']);

/** Reads one file of the site into a page, a static file, or a skipped file. */
export function readPage(state: LoadState, file: string): void {
  const absolutePath = join(state.root, file);
  if (!hasFrontMatter(absolutePath)) {
    state.staticFiles.push({ path: file, absolutePath });
    return;
  }
  if (state.replaced.has(file)) {
    state.skipped.push({ file, reason: 'the theme generates this file itself' });
    return;
  }
  if (styleExtensions.has(extname(file).toLowerCase())) {
    state.skipped.push({ file, reason: 'a stylesheet with front matter (Sass); the theme brings its own styles' });
    return;
  }
  const source = readSource(state, file, 'pages');
  if (!source) return;
  const fm = source.frontMatter;
  const outputExt = outputExtOf(file);
  const base = basename(file, extname(file));
  const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  const pattern = fm.permalink ?? pagePattern(state.site.permalink, base, outputExt);
  const permalink = fillPermalink(pattern, { path: dir, basename: base, output_ext: outputExt });
  const title = fm.title ?? '';
  state.entries.push({
    source,
    kind: 'page',
    document: documentOf(state, source, { collection: 'pages', slug: fm.slug ?? base, title, permalink, outputExt }),
    page: { nav: title !== '' && formatOf(file) !== 'other' && fm.redirect_to === undefined },
  });
}

export function readPages(state: LoadState): LoadState {
  for (const file of state.files) readPage(state, file);
  return state;
}
