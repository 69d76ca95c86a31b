/**
 * The output folder across incremental builds. Astro empties it before a
 * build by default; with incremental builds the theme keeps it instead, so
 * the pages Astro reuses are neither deleted nor written again (on a large
 * blog, deleting and creating thousands of files costs more than rendering
 * them). What a build neither wrote nor kept is left over from an earlier
 * one (the page of a deleted post, a stylesheet under an old name) and is
 * removed when the build is done.
 */
import { lstatSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes the files below `out` that were not changed since `since` (a time in ms) and are not in `keep`
 * (paths relative to `out`), then the folders left empty. `.git` is left alone, as Astro does.
 *
 * @returns the number of files removed
 */
export function pruneOutput(out: string, keep: ReadonlySet<string>, since: number): number {
  let removed = 0;
  const visit = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(join(out, dir), { withFileTypes: true })) {
      const path = `${dir}${entry.name}`;
      if (path === '.git') {
        empty = false;
      } else if (entry.isDirectory()) {
        if (visit(`${path}/`)) rmdirSync(join(out, path));
        else empty = false;
      } else if (keep.has(path) || lstatSync(join(out, path)).ctimeMs >= since) {
        empty = false;
      } else {
        unlinkSync(join(out, path));
        removed++;
      }
    }
    return empty;
  };
  visit('');
  return removed;
}
