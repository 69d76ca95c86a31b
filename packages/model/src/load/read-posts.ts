/**
 * Phase: reads the posts of every `_posts` folder (the folders above it are
 * categories) and, when asked, `_drafts/`; computes their dates and URLs.
 * Unpublished and future posts are skipped with their reason.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseSourceDate } from '../date.js';
import { fillPermalink, permalinkPattern, postPlaceholders } from '../permalink.js';
import { listFolder } from '../walk.js';
import { documentOf, outputExtOf, readDate, readSource } from './source.js';
import type { LoadState } from './state.js';

const postFileName = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)(\.[^.]+)$/;

/** Jekyll's `Utils.titleize_slug`: `my-first-post` → `My First Post`. */
export function titleize(slug: string): string {
  return slug
    .split('-')
    .map((word) => (word ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word))
    .join(' ');
}

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].map((value) => value.trim()).filter(Boolean))];
}

/** The date of a post: its front matter's, else its file name's, else (a draft) the file's time; `undefined` on a problem. */
function postDate(
  state: LoadState,
  source: NonNullable<ReturnType<typeof readSource>>,
  fromName: string | undefined,
): { date: Date; offset?: number | undefined } | undefined {
  const fromFrontMatter = readDate(state, source, 'date');
  if (fromFrontMatter === null) return undefined;
  if (fromFrontMatter) return { date: fromFrontMatter.date, offset: fromFrontMatter.offset };
  if (fromName === undefined) return { date: statSync(join(state.root, source.file)).mtime };
  const parsed = parseSourceDate(fromName, state.site.timezone);
  if (!parsed) {
    state.problems.push({
      file: source.file,
      field: 'date',
      message: `expected a valid date in the file name, got \`${fromName}\``,
    });
    return undefined;
  }
  return { date: parsed.date };
}

/** Why a post is not published (`published: false`, or dated after the build), if it is not. */
function whyUnpublished(state: LoadState, published: boolean | undefined, date: Date, draft: boolean) {
  if (published === false) return '`published: false`';
  if (!draft && !state.showFuture && date.getTime() > state.now.getTime()) {
    return `dated in the future (${date.toISOString()}); set \`future: true\` to publish it`;
  }
  return undefined;
}

/** Reads one post (or draft) into `state.entries`, or says why it is not one. */
export function readPost(state: LoadState, file: string, categoriesFromPath: string[], draft: boolean): void {
  const name = basename(file);
  const match = postFileName.exec(name);
  if (!draft && !match) {
    state.warnings.push({
      file,
      message: 'not read as a post: expected a file name like `2023-12-14-my-post.md` (date, then slug)',
    });
    return;
  }
  const source = readSource(state, file, draft ? 'drafts' : 'posts');
  if (!source) return;
  const fm = source.frontMatter;
  const fileSlug = match ? match[2]! : name.slice(0, name.length - extname(name).length);
  const dated = postDate(state, source, match?.[1]);
  if (!dated) return;
  const { date } = dated;
  const updated =
    readDate(state, source, 'last_modified_at') ??
    readDate(state, source, 'updated') ??
    readDate(state, source, 'modified');
  const unpublished = whyUnpublished(state, fm.published, date, draft);
  if (unpublished) {
    state.skipped.push({ file, reason: unpublished });
    return;
  }
  const slug = fm.slug ?? fileSlug;
  const categories = unique([...categoriesFromPath, ...(fm.categories ?? []), ...(fm.category ? [fm.category] : [])]);
  const tags = unique([...(fm.tags ?? []), ...(fm.tag ? [fm.tag] : [])]);
  const outputExt = outputExtOf(file);
  const timeZone = state.site.timezone;
  const permalink = fillPermalink(
    fm.permalink ?? permalinkPattern(state.site.permalink),
    postPlaceholders({ date, slug, categories, outputExt, timeZone, basename: fileSlug }),
  );
  state.entries.push({
    source,
    kind: 'post',
    document: documentOf(state, source, {
      collection: draft ? 'drafts' : 'posts',
      slug,
      title: fm.title ?? titleize(slug),
      permalink,
      outputExt,
    }),
    post: {
      date,
      dateOffset: dated.offset,
      updated: updated ? updated.date : undefined,
      tags,
      categories,
      draft,
      excerpt: '',
      hasMore: false,
    },
  });
}

export function readPosts(state: LoadState): LoadState {
  for (const folder of state.postFolders) {
    const categories = folder.split('/').slice(0, -1);
    for (const file of listFolder(state.root, folder)) readPost(state, file, categories, false);
  }
  if (existsSync(join(state.root, '_drafts'))) {
    for (const file of listFolder(state.root, '_drafts')) {
      if (state.showDrafts) readPost(state, file, [], true);
      else state.skipped.push({ file, reason: 'a draft; build with drafts to publish it' });
    }
  }
  return state;
}
