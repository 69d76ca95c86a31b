/**
 * Loads a Jekyll site folder into a {@link Blog}: `_config.yml`, posts,
 * drafts, pages, collections, `_data`, redirects and static files. Every
 * problem is collected with its file, line and field; if any is found the
 * load throws them all at once.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname, join, posix } from 'node:path';
import { parseSiteConfig } from './config.js';
import { parseSourceDate } from './date.js';
import { cutExcerpt } from './excerpt.js';
import { splitFrontMatter } from './front-matter.js';
import { createLiquid, hasLiquid, type LiquidSiteIndex } from './liquid.js';
import { fillPermalink, outputPath, pagePattern, permalinkPattern, postPlaceholders } from './permalink.js';
import { BlogSourceError, type Problem } from './problems.js';
import { frontMatterSchema, type FrontMatter } from './schema.js';
import type { Site } from './site.js';
import type { Blog, Document, DocumentFormat, Page, Post, Redirect, StaticFile } from './types.js';
import { listFolder, listSiteFiles } from './walk.js';
import { readYaml, readYamlValue, type YamlResult } from './yaml.js';
import { zodProblems } from './zod-problems.js';

/** Options of {@link loadBlog}. */
export interface LoadOptions {
  /** Read `_drafts/`; default: the site's `show_drafts` (`false`). */
  drafts?: boolean | undefined;
  /** Publish posts dated after `now`; default: the site's `future` (`false`). */
  future?: boolean | undefined;
  /** The build time, which decides what is in the future; default: now. */
  now?: Date | undefined;
  /**
   * Site-relative files the theme generates itself, so the site's own are
   * skipped (and listed in `skipped`); default {@link themeFiles}.
   */
  replacedFiles?: readonly string[] | undefined;
}

/** Files of a Jekyll site that a theme built on this model generates itself. */
export const themeFiles: readonly string[] = [
  'index.html',
  'index.md',
  'index.markdown',
  'feed.xml',
  'atom.xml',
  'feed.json',
  'sitemap.xml',
  'robots.txt',
  '404.html',
  '404.md',
];

const markdownExtensions = new Set(['.md', '.markdown', '.mkdown', '.mkdn', '.mkd', '.mdown']);
const postFileName = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)(\.[^.]+)$/;
const styleExtensions = new Set(['.scss', '.sass', '.css']);

function formatOf(file: string): DocumentFormat {
  const ext = extname(file).toLowerCase();
  if (markdownExtensions.has(ext)) return 'markdown';
  if (ext === '.html' || ext === '.htm') return 'html';
  return 'other';
}

function outputExtOf(file: string): string {
  const format = formatOf(file);
  return format === 'other' ? extname(file) : '.html';
}

/** Jekyll's `Utils.titleize_slug`: `my-first-post` → `My First Post`. */
function titleize(slug: string): string {
  return slug
    .split('-')
    .map((word) => (word ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word))
    .join(' ');
}

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].map((value) => value.trim()).filter(Boolean))];
}

/** Whether a file starts with `---` (after a byte-order mark): only its first bytes are read, never a whole image. */
function hasFrontMatterStart(path: string): boolean {
  const head = Buffer.alloc(6);
  const fd = openSync(path, 'r');
  try {
    const length = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, length).toString('latin1');
    return text.startsWith('---') || text.startsWith('\u00ef\u00bb\u00bf---');
  } finally {
    closeSync(fd);
  }
}

interface Parsed {
  file: string;
  text: string;
  frontMatter: FrontMatter;
  yaml: YamlResult | undefined;
  body: string;
  bodyLine: number;
  hasFrontMatter: boolean;
}

/**
 * Reads a Jekyll site folder.
 *
 * @param root The site folder (the one with `_config.yml`).
 * @param options See {@link LoadOptions}.
 * @throws {BlogSourceError} with every problem found, when any is.
 */
export async function loadBlog(root: string, options: LoadOptions = {}): Promise<Blog> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const skipped: Blog['skipped'] = [];
  const configFile = ['_config.yml', '_config.yaml'].find((name) => existsSync(join(root, name)));
  const site: Site = parseSiteConfig(
    configFile ? readFileSync(join(root, configFile), 'utf8') : '',
    configFile ?? '_config.yml',
  );
  const now = options.now ?? new Date();
  const showFuture = options.future ?? site.future;
  const showDrafts = options.drafts ?? site.showDrafts;
  const replaced = new Set(options.replacedFiles ?? themeFiles);
  const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  const { files, postFolders } = listSiteFiles(root, {
    exclude: asList(site.config.exclude),
    include: ['.htaccess', '.well-known', ...asList(site.config.include)],
  });

  const read = (file: string): Parsed | undefined => {
    const text = readFileSync(join(root, file), 'utf8');
    const split = splitFrontMatter(text);
    const { result, problems: yamlProblems } = readYaml(split.yaml, file, split.yamlLine);
    if (!result) {
      problems.push(...yamlProblems);
      return undefined;
    }
    const parsed = frontMatterSchema.safeParse(result.data, { reportInput: true });
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, file, result, split.yamlLine));
      return undefined;
    }
    return {
      file,
      text,
      frontMatter: parsed.data,
      yaml: result,
      body: split.body,
      bodyLine: split.bodyLine,
      hasFrontMatter: split.hasFrontMatter,
    };
  };

  const fieldLine = (doc: Parsed, field: string): number | undefined => doc.yaml?.lineOf(field);
  const readDate = (doc: Parsed, field: 'date' | 'last_modified_at' | 'updated' | 'modified') => {
    const value = doc.frontMatter[field];
    if (value === undefined) return undefined;
    if (value instanceof Date) return { date: value, offset: 0 };
    const date = parseSourceDate(value, site.timezone);
    if (!date) {
      problems.push({
        file: doc.file,
        line: fieldLine(doc, field),
        field,
        message: `expected a date like \`2023-12-14 17:00 +0200\`, \`2023-12-14 17:00\` or \`2023-12-14\`, got \`${value}\``,
      });
    }
    return date ?? null;
  };
  const absolute = (permalink: string): string => `${site.url}${site.baseurl}${permalink}`;
  /** The fields every document has, from its parsed source and its permalink. */
  const documentOf = (
    doc: Parsed,
    fields: { collection: string; slug: string; title: string; permalink: string; outputExt: string },
  ): Document => ({
    collection: fields.collection,
    sourcePath: doc.file,
    slug: fields.slug,
    title: fields.title,
    permalink: fields.permalink,
    url: absolute(fields.permalink),
    outputPath: outputPath(fields.permalink, fields.outputExt),
    format: formatOf(doc.file),
    body: doc.body,
    bodyLine: doc.bodyLine,
    data: doc.yaml?.data ?? {},
  });

  // Posts (and drafts): phase one reads sources and computes URLs.
  interface Pending {
    doc: Parsed;
    document: Document;
    kind: 'post' | 'page' | 'collection';
    post?: Omit<Post, keyof Document>;
    page?: Omit<Page, keyof Document>;
  }
  const pending: Pending[] = [];

  const readPost = (file: string, categoriesFromPath: string[], draft: boolean): void => {
    const name = basename(file);
    const match = postFileName.exec(name);
    if (!draft && !match) {
      warnings.push({
        file,
        message: 'not read as a post: expected a file name like `2023-12-14-my-post.md` (date, then slug)',
      });
      return;
    }
    const doc = read(file);
    if (!doc) return;
    const fm = doc.frontMatter;
    const fileSlug = match ? match[2]! : name.slice(0, name.length - extname(name).length);
    let date: Date | undefined;
    let dateOffset: number | undefined;
    const fromFrontMatter = readDate(doc, 'date');
    if (fromFrontMatter === null) return;
    if (fromFrontMatter) {
      date = fromFrontMatter.date;
      dateOffset = fromFrontMatter.offset;
    } else if (match) {
      const fromName = parseSourceDate(match[1]!, site.timezone);
      if (!fromName) {
        problems.push({ file, field: 'date', message: `expected a valid date in the file name, got \`${match[1]}\`` });
        return;
      }
      date = fromName.date;
    } else {
      date = statSync(join(root, file)).mtime;
    }
    const updatedValue = readDate(doc, 'last_modified_at') ?? readDate(doc, 'updated') ?? readDate(doc, 'modified');
    if (fm.published === false) {
      skipped.push({ file, reason: '`published: false`' });
      return;
    }
    if (!draft && !showFuture && date.getTime() > now.getTime()) {
      skipped.push({ file, reason: `dated in the future (${date.toISOString()}); set \`future: true\` to publish it` });
      return;
    }
    const slug = fm.slug ?? fileSlug;
    const categories = unique([...categoriesFromPath, ...(fm.categories ?? []), ...(fm.category ? [fm.category] : [])]);
    const tags = unique([...(fm.tags ?? []), ...(fm.tag ? [fm.tag] : [])]);
    const outputExt = outputExtOf(file);
    const pattern = fm.permalink ?? permalinkPattern(site.permalink);
    const permalink = fillPermalink(
      pattern,
      postPlaceholders({ date, slug, categories, outputExt, timeZone: site.timezone, basename: fileSlug }),
    );
    pending.push({
      doc,
      kind: 'post',
      document: documentOf(doc, {
        collection: draft ? 'drafts' : 'posts',
        slug,
        title: fm.title ?? titleize(slug),
        permalink,
        outputExt,
      }),
      post: {
        date,
        dateOffset,
        updated: updatedValue ? updatedValue.date : undefined,
        tags,
        categories,
        draft,
        excerpt: '',
        hasMore: false,
      },
    });
  };

  for (const folder of postFolders) {
    const categories = folder.split('/').slice(0, -1);
    for (const file of listFolder(root, folder)) readPost(file, categories, false);
  }
  if (existsSync(join(root, '_drafts'))) {
    for (const file of listFolder(root, '_drafts')) {
      if (showDrafts) readPost(file, [], true);
      else skipped.push({ file, reason: 'a draft; build with drafts to publish it' });
    }
  }

  // Collections declared in _config.yml.
  const collectionDocs: Record<string, Record<string, unknown>[]> = {};
  for (const [name, collection] of Object.entries(site.collections)) {
    if (name === 'posts') continue;
    const folder = `_${name}`;
    collectionDocs[name] = [];
    for (const file of listFolder(root, folder)) {
      if (!hasFrontMatterStart(join(root, file))) continue;
      const doc = read(file);
      if (!doc) continue;
      const relative = file.slice(folder.length + 1);
      const withoutExt = relative.slice(0, relative.length - extname(relative).length);
      const outputExt = outputExtOf(file);
      const slug = doc.frontMatter.slug ?? basename(withoutExt);
      const pattern = doc.frontMatter.permalink ?? collection.permalink ?? '/:collection/:path:output_ext';
      const permalink = fillPermalink(
        permalinkPattern(pattern),
        postPlaceholders({
          date: now,
          slug,
          categories: [],
          outputExt,
          timeZone: site.timezone,
          collection: name,
          path: withoutExt,
          basename: basename(withoutExt),
        }),
      );
      if (!collection.output) {
        collectionDocs[name].push({
          ...doc.frontMatter,
          title: doc.frontMatter.title ?? '',
          url: permalink,
          path: file,
          content: doc.body,
        });
        continue;
      }
      pending.push({
        doc,
        kind: 'collection',
        document: documentOf(doc, { collection: name, slug, title: doc.frontMatter.title ?? '', permalink, outputExt }),
      });
    }
  }

  // Pages and static files.
  const staticFiles: StaticFile[] = [];
  for (const file of files) {
    const absolutePath = join(root, file);
    if (!hasFrontMatterStart(absolutePath)) {
      staticFiles.push({ path: file, absolutePath });
      continue;
    }
    if (replaced.has(file)) {
      skipped.push({ file, reason: 'the theme generates this file itself' });
      continue;
    }
    if (styleExtensions.has(extname(file).toLowerCase())) {
      skipped.push({ file, reason: 'a stylesheet with front matter (Sass); the theme brings its own styles' });
      continue;
    }
    const doc = read(file);
    if (!doc) continue;
    const outputExt = outputExtOf(file);
    const ext = extname(file);
    const base = basename(file, ext);
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    const pattern = doc.frontMatter.permalink ?? pagePattern(site.permalink, base, outputExt);
    const permalink = fillPermalink(pattern, { path: dir, basename: base, output_ext: outputExt });
    const title = doc.frontMatter.title ?? '';
    pending.push({
      doc,
      kind: 'page',
      document: documentOf(doc, {
        collection: 'pages',
        slug: doc.frontMatter.slug ?? base,
        title,
        permalink,
        outputExt,
      }),
      page: { nav: title !== '' && formatOf(file) !== 'other' && doc.frontMatter.redirect_to === undefined },
    });
  }

  // _data
  const data: Record<string, unknown> = {};
  for (const file of listFolder(root, '_data')) {
    const ext = extname(file).toLowerCase();
    const keys = file.slice('_data/'.length, file.length - ext.length).split('/');
    let value: unknown;
    if (ext === '.json') {
      try {
        value = JSON.parse(readFileSync(join(root, file), 'utf8'));
      } catch (error) {
        problems.push({ file, message: `invalid JSON: ${(error as Error).message}` });
        continue;
      }
    } else if (ext === '.yml' || ext === '.yaml') {
      const loaded = readYamlValue(readFileSync(join(root, file), 'utf8'), file);
      problems.push(...loaded.problems);
      value = loaded.value;
    } else {
      warnings.push({ file, message: 'not read: `_data` files are read when they are `.yml`, `.yaml` or `.json`' });
      continue;
    }
    let target = data;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys.at(-1)!] = value;
  }

  // Newest first; on equal dates, Jekyll's order reversed (by path).
  const postEntries = pending.filter((entry) => entry.kind === 'post');
  postEntries.sort(
    (a, b) =>
      b.post!.date.getTime() - a.post!.date.getTime() ||
      (a.document.sourcePath < b.document.sourcePath ? 1 : a.document.sourcePath > b.document.sourcePath ? -1 : 0),
  );

  // Phase two: Liquid, with every URL known.
  const index: LiquidSiteIndex = { postsByName: new Map(), documentsByPath: new Map() };
  for (const entry of pending) {
    index.documentsByPath.set(entry.document.sourcePath, entry.document.permalink);
    if (entry.kind === 'post') {
      const name = basename(entry.document.sourcePath);
      index.postsByName.set(name.slice(0, name.length - extname(name).length), entry.document.permalink);
    }
  }
  const postDrop = (entry: Pending): Record<string, unknown> => ({
    ...entry.document.data,
    title: entry.document.title,
    url: entry.document.permalink,
    id: entry.document.permalink.replace(/\.html$/, ''),
    slug: entry.document.slug,
    path: entry.document.sourcePath,
    date: entry.post?.date,
    tags: entry.post?.tags ?? [],
    categories: entry.post?.categories ?? [],
    excerpt: cutExcerpt(entry.document.body, site.excerptSeparator).excerpt,
    content: entry.document.body,
  });
  // The Liquid view of the site is built once, and only if some document uses Liquid.
  let siteDropCache: Record<string, unknown> | undefined;
  const getSiteDrop = (): Record<string, unknown> => {
    if (siteDropCache) return siteDropCache;
    const posts = postEntries.map(postDrop);
    const byName = (key: 'tags' | 'categories'): Record<string, unknown[]> => {
      const groups: Record<string, unknown[]> = {};
      postEntries.forEach((entry, i) => {
        for (const name of entry.post![key]) (groups[name] ??= []).push(posts[i]);
      });
      return groups;
    };
    const siteDrop: Record<string, unknown> = {
      ...collectionDocs,
      ...site.config,
      title: site.title,
      description: site.description,
      url: site.url,
      baseurl: site.baseurl,
      time: now,
      posts,
      pages: pending.filter((entry) => entry.kind === 'page').map(postDrop),
      tags: byName('tags'),
      categories: byName('categories'),
      data,
      related_posts: [],
    };
    for (const [name] of Object.entries(site.collections)) {
      if (name === 'posts') continue;
      const docs = pending
        .filter((entry) => entry.kind === 'collection' && entry.document.collection === name)
        .map(postDrop);
      if (docs.length > 0) siteDrop[name] = docs;
    }
    siteDropCache = siteDrop;
    return siteDrop;
  };

  let liquid: ReturnType<typeof createLiquid> | undefined;
  for (const entry of pending) {
    const { document, doc } = entry;
    if (doc.frontMatter.render_with_liquid === false || !hasLiquid(document.body)) continue;
    liquid ??= createLiquid(root, site, index);
    try {
      document.body = liquid.parseAndRenderSync(document.body, {
        site: getSiteDrop(),
        page: postDrop(entry),
        __format: document.format,
      });
    } catch (error) {
      const err = error as Error & { token?: { getPosition(): [number, number] }; originalError?: Error };
      const token = err.token ?? (err.originalError as typeof err | undefined)?.token;
      const line = token ? token.getPosition()[0] + document.bodyLine - 1 : undefined;
      const message = (err.originalError?.message ?? err.message).replace(/, line:\d+, col:\d+$/, '');
      problems.push({ file: document.sourcePath, line, message: `Liquid: ${message}` });
    }
  }

  // Excerpts, redirects, and the final objects.
  const redirects: Redirect[] = [];
  const resolveTarget = (target: string): string =>
    /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')
      ? target
      : absolute(`/${target.replace(/^\/+/, '')}`);
  for (const entry of pending) {
    const { document, doc } = entry;
    if (doc.frontMatter.redirect_to) document.redirectTo = resolveTarget(doc.frontMatter.redirect_to);
    for (const from of doc.frontMatter.redirect_from ?? []) {
      const path = fillPermalink(from, {});
      redirects.push({ from: path, outputPath: outputPath(path), to: document.url, sourcePath: document.sourcePath });
    }
    if (entry.post) {
      const separator = doc.frontMatter.excerpt_separator ?? site.excerptSeparator;
      const cut = cutExcerpt(document.body, separator);
      entry.post.excerpt = doc.frontMatter.excerpt ?? cut.excerpt;
      entry.post.hasMore = doc.frontMatter.excerpt !== undefined ? document.body.trim() !== '' : cut.hasMore;
    }
  }

  // Two sources must never write the same file.
  const owners = new Map<string, { file: string; line: () => number | undefined }>();
  const claim = (output: string, file: string, line: () => number | undefined = () => undefined): void => {
    const owner = owners.get(output);
    if (!owner) {
      owners.set(output, { file, line });
      return;
    }
    // Lines are looked up only here: finding them re-reads the YAML with positions.
    const ownerLine = owner.line();
    problems.push({
      file,
      line: line(),
      field: 'permalink',
      message: `\`/${output}\` is also written by ${owner.file}${ownerLine ? `:${ownerLine}` : ''}; give one of them another \`permalink\``,
    });
  };
  for (const entry of pending) {
    claim(entry.document.outputPath, entry.document.sourcePath, () => fieldLine(entry.doc, 'permalink'));
  }
  for (const redirect of redirects) claim(redirect.outputPath, redirect.sourcePath);
  for (const file of staticFiles) claim(file.path, file.path);

  if (problems.length > 0) throw new BlogSourceError(problems);

  const collections: Record<string, Document[]> = {};
  for (const entry of pending.filter((item) => item.kind === 'collection')) {
    (collections[entry.document.collection] ??= []).push(entry.document);
  }
  return {
    site,
    posts: postEntries.map((entry) => ({ ...entry.document, ...entry.post! })),
    pages: pending.filter((entry) => entry.kind === 'page').map((entry) => ({ ...entry.document, ...entry.page! })),
    collections,
    redirects,
    staticFiles,
    data,
    skipped,
    warnings,
  };
}
