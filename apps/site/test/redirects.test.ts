/**
 * Issue #16, part 2: every redirect of the demo is both a meta-refresh page (for hosts such as GitHub
 * Pages) and a line of `_redirects` (Netlify, Cloudflare Pages).
 */
import { describe, expect, test } from 'vitest';
import { htmlFiles, read } from './dist.ts';

const site = 'https://packet-path.example';

/** `from to status` lines of `_redirects`, as Netlify and Cloudflare Pages split them. */
function parseRedirects(text: string): Map<string, { to: string; status: string }> {
  const rules = new Map<string, { to: string; status: string }>();
  for (const [number, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.trim().split(/\s+/);
    expect(fields, `_redirects:${number + 1}`).toHaveLength(3);
    const [from, to, status] = fields as [string, string, string];
    expect(rules.has(from), `_redirects:${number + 1}: ${from} twice`).toBe(false);
    rules.set(from, { to, status });
  }
  return rules;
}

/** The URL path a static host serves a file at: `a/index.html` → `/a/`, `a.html` → `/a.html`. */
const urlPath = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

describe('redirects, built', () => {
  const rules = parseRedirects(read('_redirects'));
  const pages = htmlFiles()
    .map((file) => ({ file, html: read(file) }))
    .filter(({ html }) => html.includes('http-equiv="refresh"'));

  test('the demo has redirect pages of both kinds (redirect_from and redirect_to)', () => {
    expect(pages.map(({ file }) => file)).toEqual(
      expect.arrayContaining(['moving-posts/index.html', '2024/07/22/old-address.html', 'contact/index.html']),
    );
  });

  test('every redirect page has its `_redirects` line, to the same target, with 301', () => {
    for (const { file, html } of pages) {
      const target = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html)?.[1];
      expect(target, file).toBeDefined();
      const rule = rules.get(urlPath(file));
      expect(rule, `${file} has no line in _redirects`).toBeDefined();
      expect(rule!.status).toBe('301');
      // Targets on the site are written as paths.
      expect(new URL(rule!.to, site).href, file).toBe(target);
    }
  });

  test('every line of `_redirects` has its page, and its target exists', () => {
    expect(rules.size).toBe(pages.length);
    for (const [from, { to }] of rules) {
      expect(
        pages.some(({ file }) => urlPath(file) === from),
        from,
      ).toBe(true);
      if (to.startsWith('/')) expect(htmlFiles().map(urlPath), to).toContain(to);
    }
    expect(rules.get('/contact/')).toEqual({ to: '/about/', status: '301' });
  });
});
