/**
 * Permalinks exactly as Jekyll builds them: a style or pattern, its
 * placeholders filled from the document, then the URL cleaned.
 */
import { zonedParts } from './date.js';
import { slugify } from './slug.js';

/** Patterns of Jekyll's built-in permalink styles for posts. */
export const permalinkStylePatterns: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** Resolves a style name to its pattern; any other string is a pattern. */
export function permalinkPattern(style: string): string {
  return permalinkStylePatterns[style] ?? style;
}

/** What a post's placeholders are made from. */
export interface PostPermalinkInput {
  date: Date;
  /** The slug: front-matter `slug`, else the file name's. */
  slug: string;
  categories: readonly string[];
  /** `.html` for Markdown and HTML sources. */
  outputExt: string;
  /** Site time zone, for the date placeholders; UTC when undefined. */
  timeZone?: string | undefined;
  collection?: string | undefined;
  /** Path inside the collection folder without extension (`:path`). */
  path?: string | undefined;
  /** File name without extension (`:name`, `:basename`). */
  basename?: string | undefined;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
const dayShort = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const dayLong = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const monthShort = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLong = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function isoWeek(year: number, month: number, day: number): { week: number; year: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((date.getTime() - start) / 86400000 + 1) / 7), year: date.getUTCFullYear() };
}

const placeholderNames = [
  'year',
  'month',
  'i_month',
  'short_month',
  'long_month',
  'day',
  'i_day',
  'short_year',
  'y_day',
  'week',
  'w_year',
  'short_day',
  'long_day',
  'hour',
  'minute',
  'second',
  'title',
  'slug',
  'name',
  'categories',
  'output_ext',
  'collection',
  'path',
  'basename',
];
// Longest names first, so `:i_month` is not read as `:i` + `_month`, nor `:output_ext` cut short.
const placeholderRe = new RegExp(`:(${[...placeholderNames].sort((a, b) => b.length - a.length).join('|')})`, 'g');

/** The placeholder values Jekyll's `UrlDrop` gives a post. */
export function postPlaceholders(input: PostPermalinkInput): Record<string, string> {
  const p = zonedParts(input.date, input.timeZone);
  const yearStart = Date.UTC(p.year, 0, 1);
  const yDay = Math.floor((Date.UTC(p.year, p.month - 1, p.day) - yearStart) / 86400000) + 1;
  const week = isoWeek(p.year, p.month, p.day);
  // Jekyll lowercases categories, drops duplicates, and joins them with `/`.
  const categories = [...new Set(input.categories.map((category) => String(category).toLowerCase()))].join('/');
  return {
    year: String(p.year),
    month: pad(p.month),
    i_month: String(p.month),
    short_month: monthShort[p.month - 1] ?? '',
    long_month: monthLong[p.month - 1] ?? '',
    day: pad(p.day),
    i_day: String(p.day),
    short_year: pad(p.year % 100),
    y_day: pad(yDay, 3),
    week: pad(week.week),
    w_year: String(week.year),
    short_day: dayShort[p.weekday] ?? '',
    long_day: dayLong[p.weekday] ?? '',
    hour: pad(p.hour),
    minute: pad(p.minute),
    second: pad(p.second),
    title: slugify(input.slug, 'pretty', true),
    slug: slugify(input.slug),
    name: slugify(input.basename ?? input.slug),
    categories,
    output_ext: input.outputExt,
    collection: input.collection ?? 'posts',
    path: input.path ?? '',
    basename: input.basename ?? input.slug,
  };
}

/**
 * Fills a permalink pattern. Placeholders are `:name`; the longest name wins
 * (`:i_month` before `:month`); a placeholder without a value stays as written. The result is cleaned as Jekyll cleans URLs:
 * doubled slashes collapse, `..` segments go, a leading `/` is added, and
 * characters that are not safe in a path are percent-encoded.
 */
export function fillPermalink(pattern: string, placeholders: Record<string, string>): string {
  const filled = pattern.replace(placeholderRe, (match, name: string) => {
    const value = placeholders[name];
    if (value === undefined) return match;
    // A placeholder's value is a path segment, except `:categories` and `:path`, which may span several.
    return name === 'categories' || name === 'path' ? value : value.replace(/\//g, '');
  });
  return cleanUrl(filled);
}

/** Cleans a URL path as Jekyll's `URL#sanitize_url` and `escape_path` do. */
export function cleanUrl(path: string): string {
  let url = path.replace(/\/\.\.(?=\/|$)/g, '').replace(/\/{2,}/g, '/');
  if (!url.startsWith('/')) url = `/${url}`;
  return encodeURI(decodeURIComponentSafe(url)).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/**
 * The file a permalink is written to, relative to the output folder:
 * `/a/b/` → `a/b/index.html`, `/a/b.html` → `a/b.html`, `/a/b` → `a/b.html`
 * (the output extension is added unless the path ends with it, as Jekyll does).
 */
export function outputPath(permalink: string, outputExt = '.html'): string {
  let path = decodeURI(permalink).replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  if (!path.endsWith(outputExt)) path += outputExt;
  return path;
}

/**
 * The pattern of a page's URL, as Jekyll's `Page#template`: HTML pages follow
 * the site's style (`/:path/:basename:output_ext`, or `/:path/:basename/` for
 * `pretty` and patterns ending in `/`); index pages are `/:path/`; other
 * files keep their extension.
 */
export function pagePattern(sitePermalink: string, basename: string, outputExt: string): string {
  if (outputExt !== '.html') return '/:path/:basename:output_ext';
  if (basename === 'index') return '/:path/';
  const style = permalinkPattern(sitePermalink);
  if (style.endsWith('/')) return '/:path/:basename/';
  if (style.endsWith(':output_ext')) return '/:path/:basename:output_ext';
  return '/:path/:basename';
}

/**
 * The path of an Astro route (`[...path]`) serving a permalink: decoded,
 * without slashes at either end nor `.html` (Astro's dev server matches
 * `/x.html` as `/x`): `/2023/12/14/tofu.html` → `2023/12/14/tofu`, `/about/`
 * → `about`, `/` → `''`.
 */
export function astroPath(permalink: string): string {
  return decodeURI(permalink)
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.html$/, '');
}
