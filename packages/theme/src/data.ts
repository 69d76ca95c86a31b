/**
 * Everything the routes show, computed once per build: the blog loaded by
 * `@blog/model`, every post and page rendered by `@blog/markdown` (on every
 * core, unchanged ones from the cache), and the derived views. The index,
 * tag and archive pages reuse these results; nothing is rendered twice.
 */
import { createHash } from 'node:crypto';
import config from 'virtual:@blog/theme/config';
import { blogFeed, type Feed } from '@blog/feed';
import { renderDocument, type RenderCache, type RenderResult } from '@blog/markdown';
import {
  isAbsoluteUrl,
  paginate,
  postIndex,
  seriesIndex,
  tagIndex,
  type Blog,
  type Document,
  type Post,
  type PostIndex,
} from '@blog/model';
import { prepareBlog, type Prepared } from './prepare.js';
import type { SiteData } from './props.js';
import { searchBundle } from './search.js';
import { postSocialImage, socialImageHeight, socialImageWidth } from './social-images.js';
import { currentBuild } from './shared.js';
import { hrefOf, withSiteUrl } from './site-url.js';

let data: Promise<SiteData> | undefined;

/** The site's data, loaded and rendered on first use. */
export function getSiteData(): Promise<SiteData> {
  data ??= build();
  return data;
}

type MarkdownOptions = Prepared['markdown'];

/** The feed of the blog or of a tag, each built once; a post in several feeds is rendered for feeds once. */
function feedsOf(blog: Blog, cache: RenderCache, markdown: MarkdownOptions): SiteData['feed'] {
  const feeds = new Map<string | undefined, Promise<Feed>>();
  const feedContent = new Map<string, Promise<RenderResult>>();
  const renderForFeed = (post: Post): Promise<RenderResult> => {
    let content = feedContent.get(post.sourcePath);
    if (!content) {
      content = renderDocument(post, blog.site, { ...markdown, cache, feed: true });
      feedContent.set(post.sourcePath, content);
    }
    return content;
  };
  return (tag) => {
    let feed = feeds.get(tag);
    if (!feed) {
      feed = blogFeed(blog, { tag, limit: config.feedLimit, content: renderForFeed });
      feeds.set(tag, feed);
    }
    return feed;
  };
}

/** The header's links (in `header_pages` order when the site sets it) and where the archive is. */
function navigation(blog: Blog, href: (path: string) => string) {
  const archivePage = blog.pages.find((page) => /^archive(\/index)?\.html$/.test(page.outputPath));
  const { config: siteConfig } = blog.site;
  const headerPages = Array.isArray(siteConfig.header_pages) ? (siteConfig.header_pages as string[]) : undefined;
  const navPages = headerPages
    ? headerPages
        .map((path) => blog.pages.find((page) => page.sourcePath === path))
        .filter((page) => page !== undefined)
    : blog.pages.filter((page) => page.nav);
  const nav = navPages.map((page) => ({ title: page.title, href: href(page.permalink) }));
  if (!archivePage) nav.push({ title: config.strings.archive, href: href('/archive/') });
  return { nav, themeArchive: !archivePage, archiveHref: href(archivePage ? archivePage.permalink : '/archive/') };
}

/** Related posts of a post, computed once (asked for twice per post: for its cache key, then by its page). */
function relatedOf(index: PostIndex<Post>): SiteData['related'] {
  const related = new Map<Post, Post[]>();
  return (post) => {
    let posts = related.get(post);
    if (!posts) {
      posts = index.related(post, config.relatedPosts);
      related.set(post, posts);
    }
    return posts;
  };
}

async function build(): Promise<SiteData> {
  const current = currentBuild();
  // From the build's start to here, Astro bundled the site (while the blog was loaded and rendered).
  if (current) current.phases.set('bundle', (performance.now() - current.started) / 1000);
  const prepared = await (current?.prepared ?? prepareBlog(config));
  const { cache, markdown, rendered } = prepared;
  const blog = withSiteUrl(prepared.blog, config.siteUrl);
  const index = postIndex(blog.posts);
  const tags = tagIndex(blog.posts);
  const series = seriesIndex(config.series ? blog.posts : [], { source: config.source });
  const { site } = blog;
  const href = hrefOf(site);
  const { nav, themeArchive, archiveHref } = navigation(blog, href);
  const tagSlugs = new Map(tags.map((tag) => [tag.name, tag.slug]));
  const favicon = faviconOf(blog, href);
  const cacheKey = cacheKeyOf(rendered, tagSlugs, { site, config, nav, archiveHref, favicon });
  if (current) {
    // For the end of the build (see integration/build-output.ts).
    current.blog = blog;
    current.dataReady = performance.now();
  }
  return {
    blog,
    config,
    rendered,
    home: paginate(blog.posts, site.paginate, site.paginatePath),
    tags,
    tagSlugs,
    nav,
    themeArchive,
    archiveHref,
    favicon,
    // The index itself was started by prepare.ts, as soon as the posts were rendered.
    searchBundles: prepared.searchParts.map((_part, number) => href(`/${searchBundle(number)}`)),
    feed: feedsOf(blog, cache, markdown),
    related: relatedOf(index),
    adjacent: (post) => index.adjacent(post),
    socialImage: (post) => {
      if (typeof post.data.image === 'string') {
        const own = post.data.image;
        return { url: isAbsoluteUrl(own) ? own : `${site.url}${href(own)}`, alt: post.title };
      }
      const card = config.socialImages ? postSocialImage(post, site, config.locale) : undefined;
      return (
        card && {
          url: `${site.url}${href(`/${card.file}`)}`,
          width: socialImageWidth,
          height: socialImageHeight,
          alt: card.alt,
        }
      );
    },
    series: series.series,
    seriesOf: (post) => series.of(post),
    href,
    absolute: (path) => `${site.url}${href(path)}`,
    cacheKey,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

const isDocument = (value: unknown): value is Document =>
  typeof value === 'object' && value !== null && 'sourcePath' in value && 'permalink' in value && 'body' in value;

/** The `cacheKey` function of {@link SiteData}: a document in a key stands for a digest of all of it. */
function cacheKeyOf(
  rendered: Map<string, RenderResult>,
  tagSlugs: Map<string, string>,
  siteWide: unknown,
): (value: unknown) => string {
  const site = sha256(JSON.stringify(siteWide));
  const digests = new Map<Document, string>();
  const digest = (document: Document): string => {
    let value = digests.get(document);
    if (value === undefined) {
      // The rendering stands for the source it was made from, and its digest for the rendering: an
      // unchanged document's HTML is not read (a compact result decodes it each time).
      const { body, ...fields } = document;
      const tags = 'tags' in document ? (document as Post).tags.map((tag) => tagSlugs.get(tag)) : [];
      const hash = createHash('sha256').update(JSON.stringify([fields, tags]));
      const result = rendered.get(document.sourcePath);
      hash.update(result ? result.digest : body);
      value = hash.digest('base64url');
      digests.set(document, value);
    }
    return value;
  };
  const replacer = (_key: string, value: unknown) => (isDocument(value) ? digest(value) : value);
  return (value) => sha256(site + JSON.stringify(value, replacer));
}

const iconTypes: Record<string, string> = { ico: 'image/x-icon', png: 'image/png', svg: 'image/svg+xml' };

function faviconOf(blog: Blog, href: (path: string) => string): { href: string; type: string } {
  const own = blog.staticFiles.find((file) => /^favicon\.(ico|png|svg)$/.test(file.path));
  if (!own) return { href: href('/favicon.svg'), type: 'image/svg+xml' };
  return { href: href(`/${own.path}`), type: iconTypes[own.path.split('.').pop()!]! };
}
export type { SiteData } from './props.js';
