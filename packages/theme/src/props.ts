// A copied component imports the virtual modules too: whoever reads the props contract gets their types.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./virtual.d.ts" />
/**
 * The props contract of the theme's replaceable components, and of
 * `SiteData`, everything the routes computed for a page (Starlight exports
 * the same as `./props`). A replacement types its props from here:
 *
 * ```astro
 * ---
 * import type { FooterProps } from '@blog/theme/props';
 * export type Props = FooterProps;
 * ---
 * ```
 */
import type { Feed } from '@blog/feed';
import type { RenderResult } from '@blog/markdown';
import type { Blog, Pagination, Post, SeriesEntry, SeriesPlace, TagEntry } from '@blog/model';
import type { RouteConfig } from './user-config.js';

export type { ComponentName, ResolvedThemeConfig, RouteConfig, Strings } from './user-config.js';

export interface SiteData {
  blog: Blog;
  config: RouteConfig;
  /** Rendering of every post, page and collection document, by source path. */
  rendered: Map<string, RenderResult>;
  home: Pagination<Post>[];
  tags: TagEntry<Post>[];
  /** The URL slug of each tag, by name. */
  tagSlugs: Map<string, string>;
  /** Pages in the site navigation, in `header_pages` order when the site sets it. */
  nav: { title: string; href: string }[];
  /** Whether the theme's own `/archive/` is shown (the site has no archive of its own). */
  themeArchive: boolean;
  /** Where the archive is: the site's own archive page, else the theme's. */
  archiveHref: string;
  /** The search index's Pagefind bundles (see search.ts): the main one, then those it merges. */
  searchBundles: string[];
  /** The site's own favicon when it has one, else the theme's `/favicon.svg`. */
  favicon: { href: string; type: string };
  /** Every series (`series` in front matter), by name; each has a page at `/series/<slug>/`. */
  series: SeriesEntry<Post>[];
  /** The series of a post and its place in it, if it is in one. */
  seriesOf(post: Post): SeriesPlace<Post> | undefined;
  /** The image of a post for `og:image`: its own `image`, else its generated card with `socialImages`. */
  socialImage(post: Post): SocialImage | undefined;
  related(post: Post): Post[];
  adjacent(post: Post): { previous?: Post | undefined; next?: Post | undefined };
  /** The feed model of the blog, or of one tag; built once each. */
  feed(tag?: string): Promise<Feed>;
  /** A site path with the base URL: `/about/` → `/blog/about/`. */
  href(path: string): string;
  /** An absolute URL of a site path. */
  absolute(path: string): string;
  /**
   * The `cacheKey` of a page for Astro's incremental builds: a digest of the site-wide data every page
   * shows (site config, navigation, theme options) and of `value`, the data of the page, in which each
   * post or page stands for all of it: front matter, rendered HTML, the URLs of its tags. Astro reuses
   * a page from the previous build while its key and its code are unchanged.
   */
  cacheKey(value: unknown): string;
}

/** An image for Open Graph and Twitter cards: an absolute URL, its size when known, its alt text. */
export interface SocialImage {
  url: string;
  width?: number | undefined;
  height?: number | undefined;
  alt: string;
}

/** `Head`: the document head of a page. */
export interface HeadProps {
  data: SiteData;
  /** Page title; the site title is added. Empty on the home page. */
  title?: string | undefined;
  /** Meta description; default: the site description. */
  description?: string | undefined;
  /** Site path of this page (for the canonical URL). */
  path: string;
  type?: 'website' | 'article' | undefined;
  /** Structured data for this page. */
  jsonLd?: Record<string, unknown> | undefined;
  published?: Date | undefined;
  modified?: Date | undefined;
  tags?: readonly string[] | undefined;
  /** The page's image for Open Graph and Twitter cards (absolute URL). */
  image?: SocialImage | undefined;
  /** Keep search engines away (redirects, 404). */
  noindex?: boolean | undefined;
}

/** `Header`: the site title and the navigation. */
export interface HeaderProps {
  data: SiteData;
  /** Site path of the current page, to mark its link. */
  path: string;
}

/** `Footer`: the author, the feeds, the licence. */
export interface FooterProps {
  data: SiteData;
}

/** `PostSummary`: a post in a list. */
export interface PostSummaryProps {
  data: SiteData;
  post: Post;
}

/** `PostMeta`: a post's date, its updated date and its reading time. */
export interface PostMetaProps {
  data: SiteData;
  post: Post;
  readingTime?: number | undefined;
  /** Add schema.org `datePublished` (on the post page). */
  microdata?: boolean | undefined;
}

/** `Pagination`: links to newer and older pages. */
export interface PaginationProps {
  data: SiteData;
  page: Pagination<unknown>;
}

/** `RelatedPosts`: the "Other posts" under a post. */
export interface RelatedPostsProps {
  data: SiteData;
  posts: Post[];
}

/** `TagList`: a post's tags. */
export interface TagListProps {
  data: SiteData;
  tags: readonly string[];
}

/** `ArchiveTable`: posts in a table, date and title. */
export interface ArchiveTableProps {
  data: SiteData;
  posts: readonly Post[];
}

/** `SeriesBox`: the parts of the series a post belongs to, the current one marked. */
export interface SeriesBoxProps {
  data: SiteData;
  post: Post;
}
