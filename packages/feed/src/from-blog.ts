/**
 * Builds the feed model from a blog loaded by `@blog/model`, with each post's
 * HTML rendered by `@blog/markdown` in feed mode (every URL absolute).
 */
import { renderDocument, type RenderOptions } from '@blog/markdown';
import type { Blog, Post } from '@blog/model';
import type { Feed, FeedItem } from './types.js';

/** A post's HTML (with absolute URLs) and plain-text summary, as `@blog/markdown` renders them in feed mode. */
export interface FeedContent {
  html: string;
  excerptText: string;
}

/** Options of {@link blogFeed}. */
export interface BlogFeedOptions {
  /** Only posts with this tag (a per-tag feed); default: all posts. */
  tag?: string | undefined;
  /** Items to render, newest first; default 10. Only these posts are rendered. */
  limit?: number | undefined;
  /** Options for `@blog/markdown` (highlighting, cache…); feed mode is always on. */
  render?: RenderOptions | undefined;
  /** A post's HTML and summary when rendered already (or being rendered), to skip rendering it again. */
  content?: ((post: Post) => FeedContent | undefined | Promise<FeedContent | undefined>) | undefined;
}

/** The feed model of a blog: site fields from `_config.yml`, items from the newest posts. */
export function blogFeedBase(blog: Pick<Blog, 'site'>): Omit<Feed, 'items'> {
  const { site } = blog;
  return {
    title: site.title,
    description: site.description,
    link: `${site.url}${site.baseurl}/`,
    language: site.language,
    author: { name: site.author.name, email: site.author.email, url: site.author.url },
    rights: site.license?.name,
  };
}

/** A post as a feed item, from its feed-mode HTML and summary. */
export function postFeedItem(post: Post, content: FeedContent): FeedItem {
  return {
    id: post.url,
    url: post.url,
    title: post.title,
    contentHtml: content.html,
    summary: content.excerptText,
    published: post.date,
    updated: post.updated,
    tags: post.tags,
    categories: post.categories,
  };
}

/**
 * The feed of a blog (or of one of its tags), with the newest posts rendered
 * for feeds. Only the posts that make it into the feed are rendered.
 */
export async function blogFeed(blog: Blog, options: BlogFeedOptions = {}): Promise<Feed> {
  const limit = options.limit ?? 10;
  const posts = (options.tag === undefined ? blog.posts : blog.posts.filter((post) => post.tags.includes(options.tag!)))
    .filter((post) => !post.redirectTo)
    .slice(0, limit);
  const items = await Promise.all(
    posts.map(async (post) => {
      const content =
        (await options.content?.(post)) ?? (await renderDocument(post, blog.site, { ...options.render, feed: true }));
      return postFeedItem(post, content);
    }),
  );
  const base = blogFeedBase(blog);
  return {
    ...base,
    title: options.tag === undefined ? base.title : `${base.title}: ${options.tag}`,
    items,
  };
}
