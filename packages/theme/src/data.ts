/**
 * Everything the routes show, computed once per build: the blog loaded by
 * `@blog/model`, every post and page rendered by `@blog/markdown` (on every
 * core, unchanged ones from the cache), and the derived views. The index,
 * tag and archive pages reuse these results; nothing is rendered twice.
 */
import config from 'virtual:@blog/theme/config';
import { blogFeed, type Feed } from '@blog/feed';
import { RenderCache, documentRenderItem, renderAll, renderDocument, type RenderResult } from '@blog/markdown';
import {
  loadBlog,
  paginate,
  postIndex,
  tagIndex,
  type Blog,
  type Document,
  type Pagination,
  type Post,
  type TagEntry,
} from '@blog/model';

export interface SiteData {
  blog: Blog;
  config: typeof config;
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
  /** The site's own favicon when it has one, else the theme's `/favicon.svg`. */
  favicon: { href: string; type: string };
  related(post: Post): Post[];
  adjacent(post: Post): { previous?: Post | undefined; next?: Post | undefined };
  /** The feed model of the blog, or of one tag; built once each. */
  feed(tag?: string): Promise<Feed>;
  /** A site path with the base URL: `/about/` → `/blog/about/`. */
  href(path: string): string;
  /** An absolute URL of a site path. */
  absolute(path: string): string;
}

let data: Promise<SiteData> | undefined;

/** The site's data, loaded and rendered on first use. */
export function getSiteData(): Promise<SiteData> {
  data ??= build();
  return data;
}

async function build(): Promise<SiteData> {
  const blog = await loadBlog(config.source, { drafts: config.drafts, future: config.future });
  const cache = new RenderCache(config.cacheDir);
  const markdown = { imageRoot: config.source, ...config.markdown };
  const documents: Document[] = [
    ...blog.posts,
    ...blog.pages.filter((page) => page.format !== 'other'),
    ...Object.values(blog.collections).flat(),
  ];
  const results = await renderAll(
    documents.map((document) => documentRenderItem(document, blog.site, markdown)),
    { cache },
  );
  const problems = results.flatMap((result) => result.messages);
  for (const message of problems) {
    console.warn(`[@blog/markdown] ${message.file ?? ''}${message.line ? `:${message.line}` : ''}: ${message.message}`);
  }
  const feeds = new Map<string | undefined, Promise<Feed>>();
  // A post in several feeds (the blog's, its tags') is rendered for feeds once.
  const feedContent = new Map<string, Promise<RenderResult>>();
  const renderForFeed = (post: Post): Promise<RenderResult> => {
    let content = feedContent.get(post.sourcePath);
    if (!content) {
      content = renderDocument(post, blog.site, { ...markdown, cache, feed: true });
      feedContent.set(post.sourcePath, content);
    }
    return content;
  };
  const index = postIndex(blog.posts);
  const tags = tagIndex(blog.posts);
  const rendered = new Map(documents.map((document, index) => [document.sourcePath, results[index]!]));
  const { site } = blog;
  const base = site.baseurl;
  const href = (path: string) => `${base}${path.startsWith('/') ? path : `/${path}`}`;
  const archivePage = blog.pages.find((page) => /^archive(\/index)?\.html$/.test(page.outputPath));
  const headerPages = Array.isArray(site.config.header_pages) ? (site.config.header_pages as string[]) : undefined;
  const navPages = headerPages
    ? headerPages
        .map((path) => blog.pages.find((page) => page.sourcePath === path))
        .filter((page) => page !== undefined)
    : blog.pages.filter((page) => page.nav);
  const nav = navPages.map((page) => ({ title: page.title, href: href(page.permalink) }));
  if (!archivePage) nav.push({ title: config.strings.archive, href: href('/archive/') });
  return {
    blog,
    config,
    rendered,
    home: paginate(blog.posts, site.paginate, site.paginatePath),
    tags,
    tagSlugs: new Map(tags.map((tag) => [tag.name, tag.slug])),
    nav,
    themeArchive: !archivePage,
    archiveHref: href(archivePage ? archivePage.permalink : '/archive/'),
    favicon: faviconOf(blog, href),
    feed: (tag) => {
      let feed = feeds.get(tag);
      if (!feed) {
        feed = blogFeed(blog, { tag, limit: config.feedLimit, content: renderForFeed });
        feeds.set(tag, feed);
      }
      return feed;
    },
    related: (post) => index.related(post, config.relatedPosts),
    adjacent: (post) => index.adjacent(post),
    href,
    absolute: (path) => `${site.url}${href(path)}`,
  };
}

const iconTypes: Record<string, string> = { ico: 'image/x-icon', png: 'image/png', svg: 'image/svg+xml' };

function faviconOf(blog: Blog, href: (path: string) => string): { href: string; type: string } {
  const own = blog.staticFiles.find((file) => /^favicon\.(ico|png|svg)$/.test(file.path));
  if (!own) return { href: href('/favicon.svg'), type: 'image/svg+xml' };
  return { href: href(`/${own.path}`), type: iconTypes[own.path.split('.').pop()!]! };
}
