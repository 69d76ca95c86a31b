/**
 * The one state every phase of the loader reads and adds to. Each field
 * says which phase fills it; nothing else is shared between phases.
 */
import { readSiteConfig } from '../config.js';
import type { LiquidSiteIndex } from '../liquid.js';
import { BlogSourceError, type Problem } from '../problems.js';
import type { FrontMatter } from '../schema.js';
import type { Site } from '../site.js';
import type { Blog, Document, Page, Post, Redirect, StaticFile } from '../types.js';
import type { YamlResult } from '../yaml.js';
import { themeFiles, type LoadOptions } from './options.js';

/** What Jekyll calls a document's type, which front-matter defaults are scoped by. */
export type SourceType = 'posts' | 'drafts' | 'pages' | (string & {});

/** A source file read and checked: its front matter, validated, and its body. */
export interface Source {
  file: string;
  type: SourceType;
  frontMatter: FrontMatter;
  /** The front matter as written, with the defaults applied, before validation. */
  data: Record<string, unknown>;
  yaml: YamlResult | undefined;
  body: string;
  bodyLine: number;
}

/** A document read from its source, completed by the later phases. */
export interface Entry {
  source: Source;
  document: Document;
  kind: 'post' | 'page' | 'collection';
  post?: Omit<Post, keyof Document>;
  page?: Omit<Page, keyof Document>;
}

export interface LoadState {
  /** The site folder. */
  root: string;
  site: Site;
  /** The build time. */
  now: Date;
  showFuture: boolean;
  showDrafts: boolean;
  /** Site files the theme generates itself. */
  replaced: ReadonlySet<string>;
  /** Problems that fail the load (thrown together by the claim phase). */
  problems: Problem[];
  /** Problems that do not. */
  warnings: Problem[];
  skipped: Blog['skipped'];
  /** discover: site files outside underscore folders. */
  files: string[];
  /** discover: every `_posts` folder. */
  postFolders: string[];
  /** read-*: every document that becomes a page, in reading order (posts, collections, pages). */
  entries: Entry[];
  /** read-collections: the documents of collections without output, as Liquid's `site.<name>` shows them. */
  collectionData: Record<string, Record<string, unknown>[]>;
  /** read-pages: files without front matter, copied as they are. */
  staticFiles: StaticFile[];
  /** read-data: `_data`, by file name. */
  data: Record<string, unknown>;
  /** index: the post entries, newest first. */
  posts: Entry[];
  /** index: URLs by post name and by source path, for `post_url` and `link`. */
  index: LiquidSiteIndex;
  /** redirects: `redirect_from` pages. */
  redirects: Redirect[];
}

/**
 * The state before any phase: the site's configuration read (a bad
 * `_config.yml` throws here) and the options resolved against it.
 *
 * @throws {BlogSourceError} when the configuration is invalid.
 */
export function createState(root: string, options: LoadOptions = {}): LoadState {
  const site = readSiteConfig(root);
  return {
    root,
    site,
    now: options.now ?? buildTime(),
    showFuture: options.future ?? site.future,
    showDrafts: options.drafts ?? site.showDrafts,
    replaced: new Set(options.replacedFiles ?? themeFiles),
    problems: [],
    warnings: [],
    skipped: [],
    files: [],
    postFolders: [],
    entries: [],
    collectionData: {},
    staticFiles: [],
    data: {},
    posts: [],
    index: { postsByName: new Map(), documentsByPath: new Map() },
    redirects: [],
  };
}

/**
 * The build time: `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) when it is
 * set, so a build made at any time gives the same `site.time` and the same decisions about future posts;
 * otherwise the clock, as Jekyll does.
 *
 * @throws {BlogSourceError} when `SOURCE_DATE_EPOCH` is set but is not a whole number of seconds.
 */
export function buildTime(environment: NodeJS.ProcessEnv = process.env): Date {
  const epoch = environment.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) {
    throw new BlogSourceError([
      { file: 'SOURCE_DATE_EPOCH', message: `expected a whole number of seconds since 1970-01-01, got \`${epoch}\`` },
    ]);
  }
  return new Date(Number(epoch) * 1000);
}
