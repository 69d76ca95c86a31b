/**
 * What the catch-all page route serves: one entry per HTML page of the blog
 * (home pages, posts, pages, collection documents, redirects, then the
 * theme's own archive, search and tag pages), its route parameter, its
 * cache key, and the head of its page. `routes/page.astro` is a few lines
 * over this module; each kind of entry has its view in `views/`.
 */
import {
  astroPath,
  isHtmlDocument,
  paginate,
  type Document,
  type Pagination,
  type Post,
  type Redirect,
  type TagEntry,
} from '@blog/model';
import { format } from './format.js';
import type { HeadProps, SiteData } from './props.js';

/** A page of the blog, by kind. */
export type Entry =
  | { kind: 'home'; page: Pagination<Post> }
  | { kind: 'post'; post: Post }
  | { kind: 'page'; document: Document }
  | { kind: 'archive' }
  | { kind: 'tags' }
  | { kind: 'tag'; tag: TagEntry<Post>; page: Pagination<Post> }
  | { kind: 'search' }
  | { kind: 'redirect'; redirect: Redirect };

/** An entry of one kind. */
export type EntryOf<Kind extends Entry['kind']> = Extract<Entry, { kind: Kind }>;

/** What a page route receives for an entry. */
export interface EntryProps {
  entry: Entry;
  /** The site path of the page, as the model gives it (`/2023/12/14/slug.html`, `/about/`). */
  path: string;
}

/**
 * Every entry with its site path. The site's own documents come first; the theme's pages (archive,
 * search, tags) are added only where the site has no page at that address.
 */
export function siteEntries(data: SiteData): EntryProps[] {
  const { blog } = data;
  const entries: EntryProps[] = [];
  for (const page of data.home) entries.push({ path: page.path, entry: { kind: 'home', page } });
  for (const post of blog.posts.filter(isHtmlDocument)) {
    entries.push({ path: post.permalink, entry: { kind: 'post', post } });
  }
  for (const document of [...blog.pages, ...Object.values(blog.collections).flat()].filter(isHtmlDocument)) {
    entries.push({ path: document.permalink, entry: { kind: 'page', document } });
  }
  for (const redirect of blog.redirects) entries.push({ path: redirect.from, entry: { kind: 'redirect', redirect } });
  const taken = new Set(entries.map((item) => item.path));
  const add = (path: string, entry: Entry) => {
    if (!taken.has(path)) entries.push({ path, entry });
  };
  if (data.themeArchive) add('/archive/', { kind: 'archive' });
  if (data.config.search) add('/search/', { kind: 'search' });
  if (data.config.tagPages) {
    add('/tags/', { kind: 'tags' });
    for (const tag of data.tags) {
      for (const page of paginate(tag.posts, blog.site.paginate, `/tags/${tag.slug}/page:num/`, `/tags/${tag.slug}/`)) {
        add(page.path, { kind: 'tag', tag, page });
      }
    }
  }
  return entries;
}

/**
 * The `[...path]` parameter of a site path. Astro's dev server matches `/x.html` as `/x`: the parameter
 * drops `.html`, and the build's `x/index.html` is moved to Jekyll's `x.html` when the build is done
 * (see html-files.ts). The home page has no parameter.
 */
export function routeParam(path: string): string | undefined {
  return astroPath(path) || undefined;
}

/**
 * What a page shows besides the site-wide data, for its cache key (see `SiteData.cacheKey`): the entry,
 * and what the page lists or links to.
 */
export function cacheKeyValue(data: SiteData, entry: Entry): unknown {
  switch (entry.kind) {
    case 'post':
      return [entry, data.adjacent(entry.post), data.related(entry.post), data.seriesOf(entry.post)];
    case 'archive':
      return [entry, data.blog.posts];
    case 'tags':
      return [entry, data.tags.map((tag) => [tag.name, tag.slug, tag.posts.length])];
    case 'tag':
      // The tag's posts beyond this page do not show on it.
      return [entry.kind, entry.tag.name, entry.tag.slug, entry.page];
    case 'search':
      return [entry, data.searchBundles];
    default:
      return entry;
  }
}

/** The result of `getStaticPaths` for the page route. */
export function staticPaths(data: SiteData) {
  return siteEntries(data).map(({ path, entry }) => ({
    params: { path: routeParam(path) },
    props: { entry, path } satisfies EntryProps,
    cacheKey: data.cacheKey(cacheKeyValue(data, entry)),
  }));
}

/** Where the page of an entry sends the reader, when it is a redirect (jekyll-redirect-from). */
export function redirectTarget(entry: Entry): string | undefined {
  if (entry.kind === 'redirect') return entry.redirect.to;
  if (entry.kind === 'post') return entry.post.redirectTo;
  if (entry.kind === 'page') return entry.document.redirectTo;
  return undefined;
}

/** The title of an entry's page; none on the first home page (the site title alone). */
export function pageTitle(data: SiteData, entry: Entry): string | undefined {
  const { strings } = data.config;
  switch (entry.kind) {
    case 'home':
      return entry.page.page > 1
        ? format(strings.pageOf, { page: entry.page.page, total: entry.page.totalPages })
        : undefined;
    case 'post':
      return entry.post.title;
    case 'page':
      return entry.document.title;
    case 'archive':
      return strings.archive;
    case 'tags':
      return strings.tags;
    case 'tag':
      return format(strings.taggedWith, { tag: entry.tag.name });
    case 'search':
      return strings.search;
    case 'redirect':
      return strings.redirecting;
  }
}

/** Schema.org data of a page: `BlogPosting` for a post, `Blog` for the first home page. */
export function structuredData(data: SiteData, entry: Entry): Record<string, unknown> | undefined {
  const { site } = data.blog;
  const author = { '@type': 'Person', name: site.author.name, url: site.author.url ?? data.absolute('/') };
  if (entry.kind === 'post') {
    const { post } = entry;
    return {
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: post.title,
      datePublished: post.date.toISOString(),
      dateModified: (post.updated ?? post.date).toISOString(),
      author,
      url: post.url,
      mainEntityOfPage: post.url,
      description: data.rendered.get(post.sourcePath)?.excerptText,
      keywords: post.tags.join(', ') || undefined,
    };
  }
  if (entry.kind === 'home' && entry.page.page === 1) {
    return {
      '@context': 'https://schema.org',
      '@type': 'Blog',
      name: site.title,
      description: site.description,
      url: data.absolute('/'),
      author,
    };
  }
  return undefined;
}

/** The head of an entry's page: the `Head` component's props besides `data` and `path`. */
export function pageHead(data: SiteData, entry: Entry): Omit<HeadProps, 'data' | 'path'> {
  const post = entry.kind === 'post' ? entry.post : undefined;
  const document = post ?? (entry.kind === 'page' ? entry.document : undefined);
  return {
    title: pageTitle(data, entry),
    description: document ? data.rendered.get(document.sourcePath)?.excerptText : undefined,
    type: post ? 'article' : 'website',
    jsonLd: structuredData(data, entry),
    published: post?.date,
    modified: post?.updated,
    tags: post?.tags,
    image: post && data.socialImage(post),
  };
}
