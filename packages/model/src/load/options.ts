/** What a caller can ask of {@link loadBlog}. */

/** Options of `loadBlog`. */
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
