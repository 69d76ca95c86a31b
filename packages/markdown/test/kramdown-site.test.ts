import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBlog } from '@blog/model';
import { renderDocument } from '@blog/markdown';
import { expect, test } from 'vitest';
import { normalise } from './kramdown/normalise.ts';

// What goes through Liquid before kramdown (`{% highlight lang [linenos] %}`), against the posts of a small
// site as Jekyll 4.3 rendered them (recorded with `pnpm oracle`). Code is compared as text, line numbers
// included: Rouge and Shiki colour it differently by design.
const site = fileURLToPath(new URL('kramdown/site/', import.meta.url));
const blog = await loadBlog(site);

test('the site has posts to compare', () => {
  expect(blog.posts.length).toBe(3);
});

test.each(blog.posts.map((post) => [post.sourcePath, post] as const))(
  '%s renders as Jekyll does',
  async (path, post) => {
    const { html } = await renderDocument(post, blog.site);
    const name = path.replace(/^.*\//, '').replace(/\.md$/, '');
    const expected = readFileSync(new URL(`kramdown/expected-site/${name}.html`, import.meta.url), 'utf8');
    expect(normalise(html)).toEqual(normalise(expected));
  },
);
