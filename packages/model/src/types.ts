/**
 * The documents of a blog. A post, a page and a collection document share
 * {@link Document}; posts add dates, tags and the excerpt.
 */
import type { Problem } from './problems.js';
import type { Site } from './site.js';

/** How a document's body is written. */
export type DocumentFormat = 'markdown' | 'html' | 'other';

/** What posts, pages and collection documents have in common. */
export interface Document {
  /** `posts`, `drafts`, `pages`, or the name of a collection from `_config.yml`. */
  collection: string;
  /** Path of the source file relative to the site folder (`_posts/2023-12-14-opentofu.md`). */
  sourcePath: string;
  /**
   * The document's date: a post's, or a collection document's from its front matter or its
   * `YYYY-MM-DD-` file name. `undefined` for a page, or a document with neither (Jekyll gives those
   * the build time; we never depend on the clock).
   */
  date?: Date | undefined;
  /** URL-safe name: front-matter `slug`, else from the file name. */
  slug: string;
  title: string;
  /** URL path below the site's base URL, as Jekyll's `page.url` (`/2023/12/14/opentofu.html`). */
  permalink: string;
  /** Absolute URL: `site.url` + `site.baseurl` + `permalink`. */
  url: string;
  /** File to write below the output folder (`2023/12/14/opentofu.html`, `about/index.html`). */
  outputPath: string;
  format: DocumentFormat;
  /** The body after Liquid, before Markdown. */
  body: string;
  /** 1-based line of the source file where the body starts, for messages about the body. */
  bodyLine: number;
  /** Every front-matter key as written. */
  data: Record<string, unknown>;
  /** Where a redirect page sends readers (`redirect_to`), as an absolute URL. */
  redirectTo?: string | undefined;
}

/** A post from `_posts/` (or `_drafts/`). */
export interface Post extends Document {
  /** The instant the post was published. */
  date: Date;
  /** Minutes east of UTC the date was written with; `undefined` when it gave none. */
  dateOffset: number | undefined;
  /** `last_modified_at`, `updated` or `modified`, when given. */
  updated?: Date | undefined;
  tags: string[];
  categories: string[];
  /** Whether it came from `_drafts/`. */
  draft: boolean;
  /** The excerpt's source: front-matter `excerpt`, else up to the separator, else the first paragraph. */
  excerpt: string;
  /** Whether the body contains the excerpt separator (so the post has more than its excerpt). */
  hasMore: boolean;
}

/** A page: any other source file with front matter (`about.md`, `archive.html`). */
export interface Page extends Document {
  /** Whether it shows in the site navigation: Jekyll's minima lists every page with a title. */
  nav: boolean;
}

/** A page of jekyll-redirect-from: `from` redirects to `to`. */
export interface Redirect {
  /** URL path below the base URL that redirects. */
  from: string;
  /** File to write below the output folder. */
  outputPath: string;
  /** Absolute target URL. */
  to: string;
  /** Source file that asked for it. */
  sourcePath: string;
}

/** A file that is not a document; copied to the output unchanged. */
export interface StaticFile {
  /**
   * Output path, relative to the output folder: the file's path in the site folder, or for a file of
   * a collection (one without front matter) its place under the collection's permalink.
   */
  path: string;
  /** Absolute path on disk. */
  absolutePath: string;
}

/** Everything a blog is, as loaded from its sources. */
export interface Blog {
  site: Site;
  /** Published posts, newest first (drafts included when asked for). */
  posts: Post[];
  pages: Page[];
  /** Documents of collections declared with `output: true`, by collection name. */
  collections: Record<string, Document[]>;
  redirects: Redirect[];
  staticFiles: StaticFile[];
  /** `_data/*.yml|yaml|json`, by file name (`site.data` in Liquid). */
  data: Record<string, unknown>;
  /** Files read and deliberately not published (unpublished, future, layouts replaced by the theme), each with why. */
  skipped: { file: string; reason: string }[];
  /** Problems that did not stop the load. */
  warnings: Problem[];
}
