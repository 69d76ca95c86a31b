/**
 * Phase: every post's `series` and `series_order` are checked (see
 * ../series.ts), so a wrong one fails the load with its file and line like
 * any other front-matter problem, not later when a theme lists the series.
 */
import { BlogSourceError } from '../problems.js';
import { seriesIndex } from '../series.js';
import { fieldLine } from './source.js';
import type { Entry, LoadState } from './state.js';

export function checkSeries(state: LoadState): LoadState {
  const posts = state.posts.flatMap((entry) =>
    entry.post
      ? [
          {
            entry,
            date: entry.post.date,
            sourcePath: entry.document.sourcePath,
            data: entry.document.data,
            redirectTo: entry.document.redirectTo,
          },
        ]
      : [],
  );
  try {
    seriesIndex(posts);
  } catch (error) {
    if (!(error instanceof BlogSourceError)) throw error;
    const entries = new Map<string, Entry>(posts.map((post) => [post.sourcePath, post.entry]));
    for (const problem of error.problems) {
      const entry = entries.get(problem.file);
      state.problems.push({
        ...problem,
        line: entry && problem.field ? fieldLine(entry.source, problem.field) : undefined,
      });
    }
  }
  return state;
}
