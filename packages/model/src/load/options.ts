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
  /**
   * Give each post without `last_modified_at` (or `updated`, `modified`) in its front matter the date of
   * the last git commit that changed its file, as jekyll-last-modified-at does; default `false`. When the
   * site folder is not in a git repository, a warning says so and only front matter is used.
   */
  gitDates?: boolean | undefined;
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
