/**
 * What a build's routes hand to the integration's `astro:build:done` hook:
 * the blog they loaded (so the hook does not load it again) and the search
 * index they started. The routes run in the build's server bundle and the
 * hook in Astro's config: the same process, not the same module graph,
 * hence a global. There is none in the dev server.
 */
import type { Blog } from '@blog/model';
import type { Prepared } from './prepare.js';
import type { IndexedSearch, SearchDocument } from './search-index.js';

export interface Build {
  blog?: Blog | undefined;
  /** The blog loaded and rendered, started with the build (see prepare.ts). */
  prepared?: Promise<Prepared> | undefined;
  /** When the build started (`performance.now()`). */
  started: number;
  /** When the routes had the blog loaded and rendered: Astro writes the pages from then on. */
  dataReady?: number | undefined;
  /** Seconds each phase of the build took, in order (see `phase`), printed when it is done. */
  phases: Map<string, number>;
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

/**
 * Runs one phase of the build and adds its time to the build's figures (nothing is recorded outside a
 * build). The figures are printed, never written into the output.
 */
export async function phase<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    const phases = currentBuild()?.phases;
    phases?.set(name, (phases.get(name) ?? 0) + (performance.now() - started) / 1000);
  }
}

/** One line of the phases and their seconds: `phases: start-up 1.2 s, bundle 1.9 s, … total 30.4 s`. */
export function phaseSummary(phases: Map<string, number>): string {
  const list = [...phases].map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`).join(', ');
  const peak = process.resourceUsage().maxRSS / 1024;
  return `phases: ${list}; total ${(performance.now() / 1000).toFixed(1)} s, peak memory ${peak.toFixed(0)} MB`;
}

/**
 * For long file work at the end of a build, done in order on this thread: await the function it gives
 * before each step, and every few milliseconds of work it lets the event loop run. Pagefind, still indexing then,
 * gets its pages from this thread through a pipe that holds one or two of them (see search-index.ts): a
 * thread blocked for the second that 4,000 posts' files take would leave it idle for that second.
 */
export function yieldingEvery(milliseconds: number): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < milliseconds) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
