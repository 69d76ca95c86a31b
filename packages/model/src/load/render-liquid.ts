/**
 * Phase: renders the Liquid of every document that has some (unless
 * `render_with_liquid: false`), before Markdown, as Jekyll does, with
 * Jekyll's `site` and `page` variables. A Liquid error is a problem with
 * the file and line of the tag.
 */
import { posix } from 'node:path';
import { cutExcerpt } from '../excerpt.js';
import { readLaxLiquid } from '../lax-liquid.js';
import { createLiquid, hasLiquid, type LiquidWarning } from '../liquid.js';
import type { Problem } from '../problems.js';
import type { Entry, LoadState } from './state.js';

/** Each post and collection document's collection in Jekyll's order (posts oldest first), and its place in it. */
const places = new WeakMap<LoadState, Map<Entry, { list: Entry[]; index: number }>>();

function placeOf(state: LoadState, entry: Entry): { list: Entry[]; index: number } | undefined {
  let found = places.get(state);
  if (!found) {
    found = new Map();
    const lists = new Map<string, Entry[]>([['posts', [...state.posts].reverse()]]);
    // Collection documents are read in their collection's order (see read-collections.ts).
    for (const other of state.entries) {
      if (other.kind !== 'collection') continue;
      let list = lists.get(other.document.collection);
      if (!list) lists.set(other.document.collection, (list = []));
      list.push(other);
    }
    for (const list of lists.values()) list.forEach((other, index) => found!.set(other, { list, index }));
    places.set(state, found);
  }
  return found.get(entry);
}

/** The document each drop of a post or collection document stands for. */
const dropped = new WeakMap<object, { state: LoadState; entry: Entry }>();

function neighbour(drop: object, step: number): Record<string, unknown> | undefined {
  const { state, entry } = dropped.get(drop)!;
  const place = placeOf(state, entry);
  const other = place?.list[place.index + step];
  return other ? documentDrop(state, other) : undefined;
}

/**
 * `next` (newer) and `previous` (older) of the drop of a post or collection document: its neighbours in its
 * collection, as Jekyll's, made when read, and left out of `jsonify` (not enumerable). One pair of getters
 * for every drop: each drop holds no function of its own.
 */
const neighbours: PropertyDescriptorMap = {
  next: {
    get(this: object) {
      return neighbour(this, 1);
    },
  },
  previous: {
    get(this: object) {
      return neighbour(this, -1);
    },
  },
};

/** Liquid's view of a document (`page`, and each item of `site.posts`). */
export function documentDrop(state: LoadState, entry: Entry): Record<string, unknown> {
  const { document, post } = entry;
  const drop: Record<string, unknown> = {
    ...document.data,
    title: document.title,
    url: document.permalink,
    id: document.permalink.replace(/\.html$/, ''),
    slug: document.slug,
    path: document.sourcePath,
    date: post?.date ?? document.date,
    // A post's as the model reads them; a page's as written, as Jekyll's `Page`, which reads nothing of
    // them; a collection document's front matter's, as lists, as Jekyll's `Document`.
    tags: post ? post.tags : entry.kind === 'page' ? document.data.tags : (entry.source.frontMatter.tags ?? []),
    categories: post
      ? post.categories
      : entry.kind === 'page'
        ? document.data.categories
        : (entry.source.frontMatter.categories ?? []),
    excerpt: cutExcerpt(document.body, state.site.excerptSeparator).excerpt,
    content: document.body,
    // A page is in no collection; a draft is in `posts`, as in Jekyll.
    collection: entry.kind === 'page' ? undefined : entry.kind === 'post' ? 'posts' : document.collection,
  };
  if (entry.kind === 'page') return drop;
  dropped.set(drop, { state, entry });
  return Object.defineProperties(drop, neighbours);
}

/** Liquid's `site`: the configuration, posts, pages, tags, categories, collections and data. */
export function siteDrop(state: LoadState): Record<string, unknown> {
  const { site } = state;
  const posts = state.posts.map((entry) => documentDrop(state, entry));
  const byName = (key: 'tags' | 'categories'): Record<string, unknown[]> => {
    const groups: Record<string, unknown[]> = {};
    state.posts.forEach((entry, i) => {
      for (const name of entry.post![key]) (groups[name] ??= []).push(posts[i]);
    });
    return groups;
  };
  const drop: Record<string, unknown> = {
    ...state.collectionData,
    ...site.config,
    title: site.title,
    description: site.description,
    url: site.url,
    baseurl: site.baseurl,
    time: state.now,
    posts,
    pages: state.entries.filter((entry) => entry.kind === 'page').map((entry) => documentDrop(state, entry)),
    tags: byName('tags'),
    categories: byName('categories'),
    data: state.data,
    related_posts: [],
  };
  for (const name of Object.keys(site.collections)) {
    if (name === 'posts') continue;
    const docs = state.entries
      .filter((entry) => entry.kind === 'collection' && entry.document.collection === name)
      .map((entry) => documentDrop(state, entry));
    if (docs.length > 0) drop[name] = docs;
  }
  return drop;
}

/** A Liquid error as a problem: its message, and the line of the tag in the source file. */
function liquidProblem(entry: Entry, error: unknown) {
  const err = error as Error & { token?: { getPosition(): [number, number] }; originalError?: Error };
  const token = err.token ?? (err.originalError as typeof err | undefined)?.token;
  const line = token ? token.getPosition()[0] + entry.document.bodyLine - 1 : undefined;
  const message = (err.originalError?.message ?? err.message).replace(/, line:\d+, col:\d+$/, '');
  return { file: entry.document.sourcePath, line, message: `Liquid: ${message}` };
}

/** The document's text with the outputs Jekyll reads laxly written as it reads them, and a warning for each. */
function laxOutputs(entry: Entry): { text: string; warnings: Problem[] } {
  const { body, bodyLine, sourcePath } = entry.document;
  const { text, places } = readLaxLiquid(body);
  const warnings = places.map(({ written, line, read }) => ({
    file: sourcePath,
    line: bodyLine + line - 1,
    message:
      read === undefined
        ? `Liquid: \`${written}\` is not valid Liquid; its condition is read laxly, as Jekyll reads it`
        : `Liquid: \`${written}\` is not valid Liquid; rendered as Jekyll reads it, as \`${read.replace(/\s+/g, ' ')}\``,
  }));
  return { text, warnings };
}

export function renderLiquid(state: LoadState): LoadState {
  // The engine and the site's view are built once, and only if some document uses Liquid.
  let liquid: ReturnType<typeof createLiquid> | undefined;
  let site: Record<string, unknown> | undefined;
  for (const entry of state.entries) {
    const { document, source } = entry;
    if (source.frontMatter.render_with_liquid === false || !hasLiquid(document.body)) continue;
    liquid ??= createLiquid(state.root, state.site, state.index, state.now);
    // What Jekyll's lax Liquid reads its own way, as it reads it; the rest as written.
    const { text: body, warnings: lax } = laxOutputs(entry);
    state.warnings.push(...lax);
    const warnings: LiquidWarning[] = [];
    try {
      site ??= siteDrop(state);
      document.body = liquid.parseAndRenderSync(body, {
        site,
        page: documentDrop(state, entry),
        __format: document.format,
        __dir: posix.dirname(document.sourcePath) === '.' ? '' : posix.dirname(document.sourcePath),
        __warnings: warnings,
      });
    } catch (error) {
      state.problems.push(liquidProblem(entry, error));
    }
    // A tag in an include has its line in the include: the document's line is not known.
    for (const { text, line, message } of warnings) {
      const inDocument = text === body;
      state.warnings.push({
        file: document.sourcePath,
        line: inDocument ? line + document.bodyLine - 1 : undefined,
        message: inDocument ? message : `${message} (in an include)`,
      });
    }
  }
  return state;
}
