/**
 * The theme's options, written once: one zod schema gives what a site
 * writes ({@link ThemeOptions}, `z.input`), the config the routes read
 * ({@link ResolvedThemeConfig}, `z.output`) with every default filled in, and
 * the errors, which list every wrong key with its path and a hint.
 */
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import type { Options as MarkdownOptions } from '@blog/markdown';

/** Every word the theme shows a reader, with its default; each can be changed. */
export const StringsSchema = z.strictObject({
  posts: z.string().default('Posts'),
  readMore: z.string().default('read more'),
  /** `Page: {page} of {total}` */
  pageOf: z.string().default('Page: {page} of {total}'),
  newer: z.string().default('Newer posts'),
  older: z.string().default('Older posts'),
  previousPost: z.string().default('Previous post'),
  nextPost: z.string().default('Next post'),
  archive: z.string().default('Archive'),
  /** Sentence above the archive table; `{title}` is the site title. */
  archiveIntro: z.string().default('This is the archive of the blog {title}.'),
  date: z.string().default('Date'),
  post: z.string().default('Post'),
  tags: z.string().default('Tags'),
  /** Heading of a tag page; `{tag}` is the tag. */
  taggedWith: z.string().default('Posts tagged “{tag}”'),
  otherPosts: z.string().default('Other posts'),
  menu: z.string().default('Menu'),
  search: z.string().default('Search'),
  searchLabel: z.string().default('Search the blog'),
  /** Said on the search page by `astro dev`, which has no search index. */
  searchInDev: z
    .string()
    .default('The search index is made by `astro build`: to search, run `astro build` then `astro preview`.'),
  notFoundTitle: z.string().default('Page not found'),
  notFoundText: z.string().default('There is no page at this address. Try the archive or the search.'),
  subscribe: z.string().default('Subscribe'),
  /** Before a post's updated date: `Updated {date}`. */
  updated: z.string().default('Updated {date}'),
  /** `{minutes}` min read */
  readingTime: z.string().default('{minutes} min read'),
  license: z.string().default('License'),
  redirecting: z.string().default('Redirecting…'),
  skipToContent: z.string().default('Skip to content'),
  /** Heading of a series box and page; `{series}` is its name. */
  seriesTitle: z.string().default('Series: {series}'),
  /** `Part {part} of {total}` in a series box. */
  partOf: z.string().default('Part {part} of {total}'),
  previousPart: z.string().default('Previous part'),
  nextPart: z.string().default('Next part'),
  /** Sentence on a series page; `{total}` is its number of parts. */
  seriesIntro: z.string().default('This series has {total} parts, to be read in this order.'),
});

/** Every word the theme shows a reader. */
export type Strings = z.output<typeof StringsSchema>;

/** The theme's words in English. */
export const defaultStrings: Strings = StringsSchema.parse({});

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

const count = (minimum: number) =>
  z
    .number({ error: (issue) => `expected a whole number, got ${describe(issue.input)}` })
    .int({ error: (issue) => `expected a whole number, got ${describe(issue.input)}` })
    .min(minimum, { error: (issue) => `expected a whole number of at least ${minimum}, got ${describe(issue.input)}` });

const flag = z.boolean({ error: (issue) => `expected \`true\` or \`false\`, got ${describe(issue.input)}` });
const text = z.string({ error: (issue) => `expected a string, got ${describe(issue.input)}` });

/** The options of `blog()`, with their defaults. */
export const ThemeConfigSchema = z
  .strictObject({
    /** The Jekyll-style folder with `_config.yml` and `_posts/`, relative to the project root; default `.`. */
    source: text.default('.'),
    /** Publish `_drafts/`; default `false`. */
    drafts: flag.default(false),
    /** Publish posts dated in the future; default: the site's `future`. */
    future: flag.optional(),
    /** Options of `@blog/markdown` for posts and pages; default `{}`. */
    markdown: z
      .custom<MarkdownOptions>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
        error: (issue) => `expected an object of @blog/markdown options, got ${describe(issue.input)}`,
      })
      .default({}),
    /** Where rendered posts are cached between builds; default `node_modules/.cache/@blog/theme`. */
    cacheDir: text.default('node_modules/.cache/@blog/theme'),
    /** The words the theme shows, any of them; default: English ({@link defaultStrings}). */
    strings: StringsSchema.prefault({}),
    /** Site components that replace the theme's, by name: `{ Footer: './src/components/MyFooter.astro' }`. */
    components: z
      .strictObject(
        Object.fromEntries(componentNames.map((name) => [name, text.optional()])) as {
          [Name in ComponentName]: z.ZodOptional<typeof text>;
        },
      )
      .default({}),
    /**
     * Stylesheets of the site, relative to the project root (or package names), loaded after the theme's
     * own styles on every page: a plain `:root { --blog-color-accent: … }` there wins. Default `[]`.
     */
    customCss: z.array(text).default([]),
    /**
     * Static search with Pagefind at `/search/`; default `true`. `partSize` is the number of posts in each
     * part of the index (default: 250 up to 2,500 posts, 500 beyond; see search.ts):
     * a build indexes again only the parts whose pages changed, and the search page merges them.
     */
    search: z.union([flag, z.strictObject({ partSize: count(1).optional() })]).default(true),
    /** Posts in a feed; default 10. */
    feedLimit: count(1).default(10),
    /** Related posts under a post; default 4. */
    relatedPosts: count(0).default(4),
    /** Tag pages and per-tag feeds; default `true`. */
    tagPages: flag.default(true),
    /** Locale of dates and numbers; default: the site's language. */
    locale: text.optional(),
    /**
     * Reuse the pages whose data and code are unchanged since the previous build (Astro's experimental
     * incremental builds, kept in Astro's `cacheDir`); default `true`. A replaced component that shows
     * posts other than its page's (say, the latest posts in every footer) needs `false`.
     */
    incremental: flag.default(true),
    /**
     * Write `_redirects` (Netlify, Cloudflare Pages: `/old /new 301`) with every `redirect_from` and
     * `redirect_to`, besides the meta-refresh pages; default `true`. `{ force: true }` writes `301!`, which
     * Netlify needs to redirect where the meta-refresh page exists.
     */
    redirects: z.union([flag, z.strictObject({ force: flag.default(false) })]).default(true),
    /** Series boxes on posts with `series` in front matter, and a page per series at `/series/<slug>/`; default `true`. */
    series: flag.default(true),
    /**
     * Date posts without `last_modified_at` in front matter by the last git commit that changed their file
     * (the "Updated" date, sitemap `<lastmod>`, feed and JSON-LD modified dates); default `false`.
     */
    gitDates: flag.default(false),
    /**
     * A generated 1200x630 PNG card (title, date, site name) for each post without an `image`, as its
     * `og:image` and `twitter:image`; default `false`.
     */
    socialImages: flag.default(false),
  })
  .transform(({ search, redirects, ...options }) => ({
    ...options,
    search: search !== false,
    searchPartSize: typeof search === 'object' ? search.partSize : undefined,
    redirects: redirects === false ? (false as const) : { force: redirects === true ? false : redirects.force },
  }));

/** Options of the `blog()` integration, as a site writes them. */
export type ThemeOptions = z.input<typeof ThemeConfigSchema>;

/** The options with every default filled in: what the theme's routes read (from a virtual module). */
export type ResolvedThemeConfig = z.output<typeof ThemeConfigSchema>;

/** What the routes read: the resolved options, and the site URL to use when `_config.yml` has none. */
export type RouteConfig = ResolvedThemeConfig & {
  /** Astro's `site`, or the dev server's address, when `_config.yml` has no `url` (see site-url.ts). */
  siteUrl?: string | undefined;
  /** Whether the pages are served by `astro dev`, which has no search index (that is made by `astro build`). */
  dev?: boolean | undefined;
};

/** The keys valid at each path of the options, for the hint of an unknown key. */
const validKeys: Record<string, readonly string[]> = {
  '': Object.keys(ThemeConfigSchema.in.shape),
  strings: Object.keys(StringsSchema.shape),
  components: componentNames,
  search: ['partSize'],
  redirects: ['force'],
};

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null || typeof value !== 'object') return String(value);
  return 'an object';
}

/** The closest valid key to a misspelt one, when it is close enough to be a likely typo. */
function suggestion(key: string, valid: readonly string[]): string | undefined {
  if (valid.length === 0) return undefined;
  const candidate = closest(key, [...valid]);
  return distance(key.toLowerCase(), candidate.toLowerCase()) <= Math.max(2, Math.floor(key.length / 3))
    ? candidate
    : undefined;
}

function problems(issue: z.core.$ZodIssue): string[] {
  const at = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const valid = validKeys[at] ?? [];
    return issue.keys.map((key) => {
      const path = at ? `${at}.${key}` : key;
      if (at === 'components') return `\`${path}\`: no such component; expected one of ${valid.join(', ')}`;
      const hint = suggestion(key, valid);
      return `\`${path}\`: unknown option${hint ? `; did you mean \`${at ? `${at}.` : ''}${hint}\`?` : ''} (valid: ${valid.join(', ')})`;
    });
  }
  if (issue.code === 'invalid_union' && at === 'search') {
    return ['`search`: expected `true`, `false` or `{ partSize: <number> }`'];
  }
  return [`\`${at || 'options'}\`: ${issue.message}`];
}

/**
 * The theme's options with every default filled in, and `source` and `cacheDir` resolved against `root`.
 *
 * @throws Error listing every wrong option (an unknown key names the closest valid one)
 */
export function resolveThemeConfig(options: ThemeOptions | undefined, root: string): ResolvedThemeConfig {
  const result = ThemeConfigSchema.safeParse(options ?? {});
  if (!result.success) {
    const lines = result.error.issues.flatMap(problems);
    throw new Error(
      `[@blog/theme] invalid options of blog():\n${lines.map((line) => `  - ${line}`).join('\n')}\nSee the options in the README of @blog/theme.`,
    );
  }
  const config = result.data;
  return { ...config, source: resolve(root, config.source), cacheDir: resolve(root, config.cacheDir) };
}
