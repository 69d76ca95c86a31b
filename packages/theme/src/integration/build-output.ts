/**
 * What the integration writes when Astro's build is done: Jekyll's `x.html`
 * names, the pages that are not HTML, the blog's static files, `_redirects`,
 * the social images, the search index's record, and the removal of what
 * earlier builds left.
 */
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { isHtmlDocument, type Blog } from '@blog/model';
import { htmlFiles, moveToJekyllNames, type HtmlFile } from '../html-files.js';
import { pruneOutput } from '../output.js';
import { writeRedirectsFile } from '../redirects-file.js';
import { postSocialImage, writeSocialImages } from '../social-images.js';
import { recordSearchIndex, type IndexedSearch } from '../search-index.js';
import { phase, yieldingEvery } from '../shared.js';
import type { ResolvedThemeConfig } from '../user-config.js';

/** What the build's start and its routes leave for its end. */
export interface BuildState {
  config: ResolvedThemeConfig;
  /** The output folder. */
  out: string;
  /** When the build started (ms): files older than this that no one kept are left from earlier builds. */
  started: number;
  /** The blog the routes loaded. */
  blog: Blog;
  /** `x.html` pages linked back before the build (see html-files.ts). */
  linked: HtmlFile[];
  /** Files of this build that it did not write (pages Astro reused), relative to `out`. */
  kept: Set<string>;
  /** The search index the routes started, when search is on. */
  search: Promise<IndexedSearch> | undefined;
  logger: AstroIntegrationLogger;
}

/** The files below `out` Astro reports for this build, from `astro:build:done`'s `assets`. */
export function reportedFiles(out: string, assets: Map<string, URL[]>): Set<string> {
  const files = new Set<string>();
  for (const urls of assets.values()) {
    for (const url of urls) files.add(relative(out, fileURLToPath(url)));
  }
  return files;
}

/** Whether `target` is a copy of `source` made after its last change. */
function isCopy(source: string, target: string): boolean {
  try {
    const from = statSync(source);
    const to = statSync(target);
    return from.size === to.size && to.mtimeMs >= from.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Jekyll's `x.html` permalinks: the page route wrote `x/index.html` (see routes/page.astro), and Astro's
 * log names them so; one line says where the pages are.
 */
export async function writeJekyllNames(state: BuildState): Promise<void> {
  const files = htmlFiles(state.blog);
  await moveToJekyllNames(state.out, state.config.cacheDir, files, state.linked, state.kept);
  if (files.length === 0) return;
  const [first] = files;
  state.logger.info(
    `${files.length} page(s) Astro wrote as \`x/index.html\` are at their Jekyll names \`x.html\`: /${first!.written} is /${first!.target}`,
  );
}

/** Documents that are not HTML (Liquid-made `.json`, `.txt`), written as Jekyll would. */
export function writeOtherDocuments(state: BuildState): void {
  const { posts, pages, collections } = state.blog;
  for (const document of [...posts, ...pages, ...Object.values(collections).flat()]) {
    if (isHtmlDocument(document)) continue;
    mkdirSync(dirname(join(state.out, document.outputPath)), { recursive: true });
    writeFileSync(join(state.out, document.outputPath), document.body);
  }
}

/** The blog's static files, copied unless the output already has this version (see `yieldingEvery`). */
export async function copyStaticFiles(state: BuildState): Promise<void> {
  const step = yieldingEvery(4);
  for (const file of state.blog.staticFiles) {
    await step();
    const target = join(state.out, file.path);
    if (isCopy(file.absolutePath, target)) {
      state.kept.add(file.path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file.absolutePath, target);
  }
}

/** `_redirects` for hosts that read it (Netlify, Cloudflare Pages), with the `redirects` option. */
export function writeRedirects(state: BuildState): void {
  if (state.config.redirects) writeRedirectsFile(state.out, state.blog, state.config.redirects);
}

/** The generated social image of every post without an `image`, with the `socialImages` option. */
export async function writePostSocialImages(state: BuildState): Promise<void> {
  if (!state.config.socialImages) return;
  const { posts, site } = state.blog;
  const images = posts.flatMap((post) => postSocialImage(post, site, state.config.locale) ?? []);
  const started = performance.now();
  const social = await writeSocialImages(state.out, state.config.cacheDir, images);
  for (const file of social.files) state.kept.add(file);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  state.logger.info(`social images: ${social.files.length}, ${social.rendered} rendered in ${seconds} s`);
}

/** Waits for the search index and records it for the next build. */
export async function finishSearchIndex(state: BuildState): Promise<void> {
  if (!state.config.search) return;
  // Started by the routes once the posts were rendered (see data.ts).
  if (!state.search) throw new Error('[@blog/theme] the search index was not started: no page was built');
  const index = await recordSearchIndex(await state.search);
  for (const file of index.files) state.kept.add(file);
  state.logger.info(
    `search index: ${index.documents} documents in ${index.parts} part(s), ${index.indexed} indexed, ${index.parts - index.indexed} reused`,
  );
}

/** Removes what earlier builds left in the output folder (incremental builds keep it). */
export function pruneEarlierBuilds(state: BuildState): void {
  if (!state.config.incremental) return;
  const removed = pruneOutput(state.out, state.kept, state.started);
  if (removed > 0) state.logger.info(`removed ${removed} file(s) left from earlier builds`);
}

/** Every step of the end of a build, in order. */
export async function finishBuild(state: BuildState): Promise<void> {
  await phase('files', async () => {
    await writeJekyllNames(state);
    writeOtherDocuments(state);
    await copyStaticFiles(state);
    writeRedirects(state);
  });
  await phase('social images', () => writePostSocialImages(state));
  const { blog } = state;
  state.logger.info(
    `${blog.posts.length} posts, ${blog.pages.length} pages, ${blog.staticFiles.length} static files from ${state.config.source}`,
  );
  // The time the build waits for Pagefind, which has indexed while the pages were written.
  await phase('search index', () => finishSearchIndex(state));
  await phase('files', () => pruneEarlierBuilds(state));
}
