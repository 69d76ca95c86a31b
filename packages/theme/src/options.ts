/**
 * The theme's options: where the blog's sources are, what the theme adds,
 * the words it shows, and which components a site replaces.
 */
import type { Options as MarkdownOptions } from '@blog/markdown';

/** Every word the theme shows a reader; each can be changed. */
export interface Strings {
  posts: string;
  readMore: string;
  /** `Page: {page} of {total}` */
  pageOf: string;
  newer: string;
  older: string;
  previousPost: string;
  nextPost: string;
  archive: string;
  /** Sentence above the archive table; `{title}` is the site title. */
  archiveIntro: string;
  date: string;
  post: string;
  tags: string;
  /** Heading of a tag page; `{tag}` is the tag. */
  taggedWith: string;
  otherPosts: string;
  menu: string;
  search: string;
  searchLabel: string;
  notFoundTitle: string;
  notFoundText: string;
  subscribe: string;
  /** Before a post's updated date: `Updated {date}`. */
  updated: string;
  /** `{minutes}` min read */
  readingTime: string;
  license: string;
  redirecting: string;
  skipToContent: string;
  /** Heading of a series box and page; `{series}` is its name. */
  seriesTitle: string;
  /** `Part {part} of {total}` in a series box. */
  partOf: string;
  previousPart: string;
  nextPart: string;
  /** Sentence on a series page; `{total}` is its number of parts. */
  seriesIntro: string;
}

export const defaultStrings: Strings = {
  posts: 'Posts',
  readMore: 'read more',
  pageOf: 'Page: {page} of {total}',
  newer: 'Newer posts',
  older: 'Older posts',
  previousPost: 'Previous post',
  nextPost: 'Next post',
  archive: 'Archive',
  archiveIntro: 'This is the archive of the blog {title}.',
  date: 'Date',
  post: 'Post',
  tags: 'Tags',
  taggedWith: 'Posts tagged “{tag}”',
  otherPosts: 'Other posts',
  menu: 'Menu',
  search: 'Search',
  searchLabel: 'Search the blog',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. Try the archive or the search.',
  subscribe: 'Subscribe',
  updated: 'Updated {date}',
  readingTime: '{minutes} min read',
  license: 'License',
  redirecting: 'Redirecting…',
  skipToContent: 'Skip to content',
  seriesTitle: 'Series: {series}',
  partOf: 'Part {part} of {total}',
  previousPart: 'Previous part',
  nextPart: 'Next part',
  seriesIntro: 'This series has {total} parts, to be read in this order.',
};

/** The components a site can replace, by name. */
export const componentNames = [
  'Head',
  'Header',
  'Footer',
  'PostSummary',
  'PostMeta',
  'Pagination',
  'RelatedPosts',
  'TagList',
  'ArchiveTable',
  'SeriesBox',
] as const;

export type ComponentName = (typeof componentNames)[number];

/** Options of the `blog()` integration. */
export interface ThemeOptions {
  /** The Jekyll-style folder with `_config.yml` and `_posts/`, relative to the project root; default `.`. */
  source?: string | undefined;
  /** Publish `_drafts/`; default `false`. */
  drafts?: boolean | undefined;
  /** Publish posts dated in the future; default: the site's `future`. */
  future?: boolean | undefined;
  /** Options of `@blog/markdown` for posts and pages. */
  markdown?: MarkdownOptions | undefined;
  /** Where rendered posts are cached between builds; default `node_modules/.cache/@blog/theme`. */
  cacheDir?: string | undefined;
  /** The words the theme shows, any of them. */
  strings?: Partial<Strings> | undefined;
  /** Site components that replace the theme's, by name: `{ Footer: './src/components/MyFooter.astro' }`. */
  components?: Partial<Record<ComponentName, string>> | undefined;
  /**
   * Static search with Pagefind at `/search/`; default `true`. `partSize` is the number of posts in each
   * part of the index (default 500): a build indexes again only the parts whose pages changed, and the
   * search page merges them.
   */
  search?: boolean | { partSize?: number | undefined } | undefined;
  /** Posts in a feed; default 10. */
  feedLimit?: number | undefined;
  /** Related posts under a post; default 4. */
  relatedPosts?: number | undefined;
  /** Tag pages and per-tag feeds; default `true`. */
  tagPages?: boolean | undefined;
  /** Locale of dates and numbers; default: the site's language. */
  locale?: string | undefined;
  /**
   * Reuse the pages whose data and code are unchanged since the previous build (Astro's experimental
   * incremental builds, kept in Astro's `cacheDir`); default `true`. A replaced component that shows
   * posts other than its page's (say, the latest posts in every footer) needs `false`.
   */
  incremental?: boolean | undefined;
  /**
   * Write `_redirects` (Netlify, Cloudflare Pages: `/old /new 301`) with every `redirect_from` and
   * `redirect_to`, besides the meta-refresh pages; default `true`. `{ force: true }` writes `301!`, which
   * Netlify needs to redirect where the meta-refresh page exists.
   */
  redirects?: boolean | { force?: boolean | undefined } | undefined;
  /** Series boxes on posts with `series` in front matter, and a page per series at `/series/<slug>/`; default `true`. */
  series?: boolean | undefined;
  /**
   * Date posts without `last_modified_at` in front matter by the last git commit that changed their file
   * (the "Updated" date, sitemap `<lastmod>`, feed and JSON-LD modified dates); default `false`.
   */
  gitDates?: boolean | undefined;
  /**
   * A generated 1200x630 PNG card (title, date, site name) for each post without an `image`, as its
   * `og:image` and `twitter:image`; default `false`.
   */
  socialImages?: boolean | undefined;
}

/** What the theme's routes read at build time (from a virtual module). */
export interface ResolvedThemeConfig {
  source: string;
  drafts: boolean;
  future: boolean | undefined;
  markdown: MarkdownOptions;
  cacheDir: string;
  strings: Strings;
  search: boolean;
  searchPartSize: number;
  feedLimit: number;
  relatedPosts: number;
  tagPages: boolean;
  locale: string | undefined;
  incremental: boolean;
  redirects: false | { force: boolean };
  series: boolean;
  gitDates: boolean;
  socialImages: boolean;
}

/** Fills `{name}` placeholders of a string. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
