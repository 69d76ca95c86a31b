/**
 * Loads a Jekyll site folder into a {@link Blog}: a pipeline of phases over
 * one {@link LoadState} (see state.ts), each in its own module. Every
 * problem is collected with its file, line and field; if any is found the
 * load throws them all at once.
 */
import type { Blog } from '../types.js';
import { toBlog } from './blog.js';
import { claimDestinations, reportProblems } from './claim.js';
import { discover } from './discover.js';
import { cutExcerpts } from './excerpts.js';
import { indexDocuments } from './index-documents.js';
import type { LoadOptions } from './options.js';
import { readCollections } from './read-collections.js';
import { readData } from './read-data.js';
import { readPages } from './read-pages.js';
import { readPosts } from './read-posts.js';
import { resolveRedirects } from './redirects.js';
import { renderLiquid } from './render-liquid.js';
import { createState, type LoadState } from './state.js';

export { themeFiles, type LoadOptions } from './options.js';

/** The phases, in order. Front-matter defaults are applied by each reading phase (see defaults.ts). */
export const phases: readonly ((state: LoadState) => LoadState)[] = [
  discover,
  readPosts,
  readCollections,
  readPages,
  readData,
  indexDocuments,
  renderLiquid,
  resolveRedirects,
  cutExcerpts,
  claimDestinations,
  reportProblems,
];

/**
 * Reads a Jekyll site folder.
 *
 * @param root The site folder (the one with `_config.yml`).
 * @param options See {@link LoadOptions}.
 * @throws {BlogSourceError} with every problem found, when any is.
 */
export async function loadBlog(root: string, options: LoadOptions = {}): Promise<Blog> {
  return toBlog(phases.reduce((state, phase) => phase(state), createState(root, options)));
}
