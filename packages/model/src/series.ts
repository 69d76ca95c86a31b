/**
 * Series of posts: `series: <name>` in front matter puts a post in a
 * series, `series_order: <n>` (optional) gives its place. A series lists
 * its posts in reading order: by `series_order` where given, then by date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from './front-matter.js';
import { BlogSourceError, type Problem } from './problems.js';
import type { Post } from './types.js';
import { tagSlug } from './views.js';
import { readYaml } from './yaml.js';

/** A series and its posts, in reading order. */
export interface SeriesEntry<T> {
  /** The name as written in front matter. */
  name: string;
  /** URL-safe name (`/series/<slug>/`), unique among the blog's series. */
  slug: string;
  /** First part first. */
  posts: T[];
}

/** Where a post stands in its series. */
export interface SeriesPlace<T> {
  series: SeriesEntry<T>;
  /** 0-based position in `series.posts`. */
  index: number;
  previous?: T | undefined;
  next?: T | undefined;
}

/** Every series of a blog, by name, and each post's place in its own. */
export interface SeriesIndex<T> {
  /** Sorted by name (case-insensitive). */
  series: SeriesEntry<T>[];
  /** The series of `post` and its place in it, or `undefined` when it is in none. */
  of(post: T): SeriesPlace<T> | undefined;
}

/** Options of {@link seriesIndex}. */
export interface SeriesOptions {
  /**
   * The site folder, read to give the line of a wrong `series` or `series_order` in the error; without
   * it the error names the file only.
   */
  source?: string | undefined;
}

type SeriesPost = Pick<Post, 'date' | 'sourcePath' | 'data'> & { redirectTo?: string | undefined };

/** The `series` and `series_order` of a post's front matter, or the problems with them. */
export function readSeries(post: SeriesPost): { name?: string; order?: number; problems: Problem[] } {
  const problems: Problem[] = [];
  const { series, series_order: order } = post.data;
  let name: string | undefined;
  if (typeof series === 'string' || typeof series === 'number') {
    name = String(series).trim();
    if (name === '')
      problems.push({ file: post.sourcePath, field: 'series', message: 'expected a series name, got an empty string' });
  } else if (series !== undefined && series !== null) {
    problems.push({
      file: post.sourcePath,
      field: 'series',
      message: `expected the name of one series, such as \`series: Packets in depth\`, got ${JSON.stringify(series)}`,
    });
  }
  if (order !== undefined && order !== null) {
    if (typeof order !== 'number' || !Number.isInteger(order) || order < 1) {
      problems.push({
        file: post.sourcePath,
        field: 'series_order',
        message: `expected a whole number from 1 (the post's place in its series), got ${JSON.stringify(order)}`,
      });
    } else if (series === undefined || series === null) {
      problems.push({ file: post.sourcePath, field: 'series_order', message: 'is set but `series` is not' });
    }
  }
  return {
    ...(name ? { name } : {}),
    ...(typeof order === 'number' && Number.isInteger(order) && order >= 1 ? { order } : {}),
    problems,
  };
}

/**
 * The series of the blog's posts. Posts that redirect elsewhere (`redirect_to`) are in none.
 *
 * @param posts the blog's posts, in any order
 * @throws {BlogSourceError} listing every `series` that is not a name, every `series_order` that is not a
 *   whole number from 1, and every `series_order` that two posts of one series share
 */
export function seriesIndex<T extends SeriesPost>(
  posts: readonly T[],
  options?: SeriesOptions | null | undefined,
): SeriesIndex<T> {
  const problems: Problem[] = [];
  const byName = new Map<string, { post: T; order: number | undefined }[]>();
  for (const post of posts) {
    if (post.redirectTo) continue;
    const read = readSeries(post);
    problems.push(...read.problems);
    if (!read.name) continue;
    let list = byName.get(read.name);
    if (!list) byName.set(read.name, (list = []));
    list.push({ post, order: read.order });
  }
  for (const list of byName.values()) {
    const seen = new Map<number, T>();
    for (const { post, order } of list.toSorted((a, b) => (a.post.sourcePath < b.post.sourcePath ? -1 : 1))) {
      if (order === undefined) continue;
      const other = seen.get(order);
      if (other) {
        problems.push({
          file: post.sourcePath,
          field: 'series_order',
          message: `expected a place no other post of the series has, got ${order}, which ${other.sourcePath} has too`,
        });
      } else seen.set(order, post);
    }
  }
  if (problems.length > 0) {
    const sorted = problems.toSorted((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    throw new BlogSourceError(withLines(sorted, options?.source));
  }
  const names = [...byName.keys()].sort(
    (a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : 1),
  );
  const used = new Set<string>();
  const places = new Map<T, SeriesPlace<T>>();
  const series = names.map((name) => {
    const sorted = byName
      .get(name)!
      .toSorted(
        (a, b) =>
          (a.order ?? Infinity) - (b.order ?? Infinity) ||
          a.post.date.getTime() - b.post.date.getTime() ||
          (a.post.sourcePath < b.post.sourcePath ? -1 : 1),
      )
      .map((item) => item.post);
    const base = tagSlug(name);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    const entry: SeriesEntry<T> = { name, slug, posts: sorted };
    sorted.forEach((post, index) =>
      places.set(post, { series: entry, index, previous: sorted[index - 1], next: sorted[index + 1] }),
    );
    return entry;
  });
  return { series, of: (post) => places.get(post) };
}

/** The problems with the line of their field, read from the source files below `source`. */
function withLines(problems: Problem[], source: string | undefined): Problem[] {
  if (!source) return problems;
  return problems.map((problem) => {
    try {
      const split = splitFrontMatter(readFileSync(join(source, problem.file), 'utf8'));
      const line = readYaml(split.yaml, problem.file, split.yamlLine).result?.lineOf(problem.field ?? '');
      return line === undefined ? problem : { ...problem, line };
    } catch {
      return problem;
    }
  });
}
