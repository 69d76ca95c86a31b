/**
 * What a build's routes hand to the integration's `astro:build:done` hook:
 * the blog they loaded (so the hook does not load it again) and the search
 * index they started. The routes run in the build's server bundle and the
 * hook in Astro's config: the same process, not the same module graph,
 * hence a global. There is none in the dev server.
 */
import type { Blog } from '@blog/model';
import type { IndexedSearch, SearchDocument } from './search-index.js';

export interface Build {
  blog?: Blog | undefined;
  /** Starts the search index of these parts (see search.ts); Pagefind lives on the hook's side. */
  indexSearch(language: string, parts: SearchDocument[][]): void;
  search?: Promise<IndexedSearch> | undefined;
}

const key = Symbol.for('@blog/theme:build');

type Holder = { [key]?: Build | undefined };

/** Starts or ends (with `undefined`) a build. */
export const setBuild = (build: Build | undefined): void => {
  (globalThis as Holder)[key] = build;
};

/** The build under way, or `undefined` (in the dev server). */
export const currentBuild = (): Build | undefined => (globalThis as Holder)[key];
