import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBlog } from '@blog/model';
import { renderDocument } from '@blog/markdown';
import { expect, test } from 'vitest';
import { normalise } from './kramdown/normalise.ts';

// What goes through Liquid before kramdown (`{% highlight lang [linenos] %}`), against the posts and the
// HTML page of a small site as Jekyll 4.3 rendered them (recorded with `pnpm oracle`). Code is compared as text, line numbers
// included: Rouge and Shiki colour it differently by design.
const site = fileURLToPath(new URL('kramdown/site/', import.meta.url));
const blog = await loadBlog(site);

test('the site has posts and an HTML page to compare', () => {
  expect(blog.posts.length).toBe(3);
  expect(blog.pages.map((page) => page.sourcePath)).toEqual(['tools.html']);
});

test.each([...blog.posts, ...blog.pages].map((document) => [document.sourcePath, document] as const))(
  '%s renders as Jekyll does',
  async (path, document) => {
    const { html } = await renderDocument(document, blog.site);
    const name = path.endsWith('.html')
      ? `page-${path.replace(/\.html$/, '')}`
      : path.replace(/^.*\//, '').replace(/\.md$/, '');
    const expected = readFileSync(new URL(`kramdown/expected-site/${name}.html`, import.meta.url), 'utf8');
    expect(normalise(html)).toEqual(normalise(expected));
  },
);
