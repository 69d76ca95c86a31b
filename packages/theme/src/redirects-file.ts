/**
 * The `_redirects` file that Netlify and Cloudflare Pages read
 * (`/old /new 301`, one rule a line), made from the same redirects as the
 * meta-refresh pages: every `redirect_from` of jekyll-redirect-from, and
 * every document with `redirect_to`. Hosts without such a file (GitHub
 * Pages) still get the pages; hosts with one answer with a real 301.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Blog } from '@blog/model';
import { hrefOf } from './site-url.js';

/** Options of {@link redirectsFile}. */
export interface RedirectsFileOptions {
  /**
   * Append `!` to each status (`301!`), which Netlify needs to redirect a path where a file exists (the
   * meta-refresh page); Cloudflare Pages always redirects and does not read `!`. Default `false`.
   */
  force?: boolean | undefined;
}

/** One line of the file. */
export interface RedirectRule {
  /** Path on the host, with the site's base URL (`/blog/old/`). */
  from: string;
  /** Path on the host when the target is on the site, else the absolute URL. */
  to: string;
  /** The source file that asked for it. */
  sourcePath: string;
}

/**
 * Every redirect of the blog as a rule of `_redirects`, in a stable order (by source path, then path).
 * A target on the site (below `site.url`) becomes a path, so the rule also works on preview deploys.
 */
export function redirectRules(blog: Blog): RedirectRule[] {
  const { site } = blog;
  const href = hrefOf(site);
  const origin = site.url.replace(/\/+$/, '');
  const local = (url: string) => (origin && url.startsWith(`${origin}/`) ? url.slice(origin.length) : url);
  const rules: RedirectRule[] = blog.redirects.map((redirect) => ({
    from: href(redirect.from),
    to: local(redirect.to),
    sourcePath: redirect.sourcePath,
  }));
  const documents = [...blog.posts, ...blog.pages, ...Object.values(blog.collections).flat()];
  for (const document of documents) {
    if (document.redirectTo) {
      rules.push({
        from: href(document.permalink),
        to: local(document.redirectTo),
        sourcePath: document.sourcePath,
      });
    }
  }
  return rules.sort(
    (a, b) => a.sourcePath.localeCompare(b.sourcePath, 'en') || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0),
  );
}

/**
 * The text of `_redirects`: a comment line, then `from to 301` for each rule of {@link redirectRules}.
 * Paths and URLs are written percent-encoded where they hold spaces (the file splits on whitespace).
 *
 * @returns the text, ending with a newline; an empty string when the blog has no redirect
 */
export function redirectsFile(blog: Blog, options?: RedirectsFileOptions | null | undefined): string {
  const rules = redirectRules(blog);
  if (rules.length === 0) return '';
  const status = options?.force ? '301!' : '301';
  const encode = (value: string) => value.replace(/\s/g, (space) => encodeURIComponent(space));
  const lines = rules.map((rule) => `${encode(rule.from)} ${encode(rule.to)} ${status}`);
  return `# Redirects of ${site(blog)}, made by @blog/theme from redirect_from and redirect_to.\n${lines.join('\n')}\n`;
}

const site = (blog: Blog) => blog.site.title || blog.site.url || 'the blog';

/**
 * Writes `_redirects` into the output folder `out` when the blog has redirects. A `_redirects` the blog
 * publishes itself (listed in `include`) comes first, so its rules win where both name a path.
 */
export function writeRedirectsFile(out: string, blog: Blog, options?: RedirectsFileOptions | null | undefined): void {
  const ours = redirectsFile(blog, options);
  const own = blog.staticFiles.find((file) => file.path === '_redirects');
  if (!ours) return;
  const text = own ? `${readFileSync(own.absolutePath, 'utf8').replace(/\n?$/, '\n')}${ours}` : ours;
  writeFileSync(join(out, '_redirects'), text);
}
