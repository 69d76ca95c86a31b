/**
 * The site's `url` when `_config.yml` has none. Jekyll's `jekyll serve` puts
 * its own address in `site.url`; the theme does the same in `astro dev`, and
 * uses Astro's `site` when the project sets it. Feeds, the sitemap and
 * canonical links need absolute URLs, so `astro build` without either stops
 * (see the integration).
 */
import { isAbsoluteUrl, type Blog, type Document } from '@blog/model';

/**
 * `blog` with `url` as its site URL, when its `_config.yml` has none: the site, and the absolute URL of
 * every document and redirect. A blog that has a `url` is returned as it is.
 */
export function withSiteUrl(blog: Blog, url: string | undefined): Blog {
  if (blog.site.url || !url) return blog;
  const base = url.replace(/\/+$/, '');
  const absolute = <T extends Document>(document: T): T => ({ ...document, url: `${base}${document.url}` });
  return {
    ...blog,
    site: { ...blog.site, url: base },
    posts: blog.posts.map(absolute),
    pages: blog.pages.map(absolute),
    collections: Object.fromEntries(
      Object.entries(blog.collections).map(([name, documents]) => [name, documents.map(absolute)]),
    ),
    redirects: blog.redirects.map((redirect) =>
      isAbsoluteUrl(redirect.to) ? redirect : { ...redirect, to: `${base}${redirect.to}` },
    ),
  };
}

/** The message of `astro build` without a `url`: one, saying what to set and why. */
export function missingUrlMessage(configFile: string): string {
  return (
    `[@blog/theme] \`url\` is not set in ${configFile}. A build needs the address the blog is published at: ` +
    'feeds, the sitemap and canonical links are absolute URLs. Add it, such as `url: https://blog.example.org` ' +
    '(or set `site` in astro.config). `astro dev` runs without it, on its own address.'
  );
}

/** The site's path of a page: its `baseurl`, then the page's path. */
export function hrefOf(site: Blog['site']): (path: string) => string {
  return (path) => `${site.baseurl}${path.startsWith('/') ? path : `/${path}`}`;
}
