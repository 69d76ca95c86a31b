/**
 * Highlighting as a Jekyll site's `_config.yml` sets it, against what Jekyll
 * 4.3 made of one post under each configuration of
 * `test/kramdown/highlighter/*.yml` (recorded by `pnpm oracle` in
 * `test/kramdown/expected-highlighter/`): where Jekyll leaves code plain
 * (`highlighter: none`, a client-side highlighter's name,
 * `syntax_highlighter_opts.disable`…), our HTML is Jekyll's, but for the
 * blank lines between blocks; where Jekyll highlights (with Rouge), we
 * highlight (with Shiki), in the same wrapper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSiteConfig, type Document } from '@blog/model';
import { expect, test } from 'vitest';
import { documentRenderItem, render } from '../src/index.ts';
import { normalise } from './kramdown/normalise.ts';

const dir = fileURLToPath(new URL('kramdown/highlighter/', import.meta.url));
const expectedDir = fileURLToPath(new URL('kramdown/expected-highlighter/', import.meta.url));
const post = readFileSync(join(dir, 'post.md'), 'utf8');
const configs = readdirSync(dir)
  .filter((name) => name.endsWith('.yml'))
  .sort();

/** The HTML without the blank lines kramdown puts between blocks. */
const blocks = (html: string) => html.replace(/>\n+</g, '>\n<').trim();

/** The site as `@blog/model` reads a configuration of the folder. */
const siteOf = (name: string) => parseSiteConfig(readFileSync(join(dir, name), 'utf8'), name);

/** The post, as the model would give it to the theme. */
const document = {
  body: post,
  bodyLine: 1,
  sourcePath: '_posts/2024-01-01-a.md',
  data: {},
  url: '/a.html',
} as unknown as Document;

test.each(configs)('%s', async (name) => {
  const site = siteOf(name);
  const jekyll = readFileSync(join(expectedDir, name.replace(/\.yml$/, '.html')), 'utf8');
  const item = documentRenderItem(document, site);
  const { html } = await render(item.source, item.options);
  const rouge = jekyll.includes('<pre class="highlight">');
  expect(site.highlighting).toBe(rouge);
  if (rouge) {
    expect(html).toContain('<div class="language-python highlighter-rouge"><div class="highlight"><pre');
    expect(html).toContain('<span style="color:var(--shiki-token-keyword)">def</span>');
    expect(normalise(html)).toEqual(normalise(jekyll));
  } else {
    expect(blocks(html)).toBe(blocks(jekyll));
  }
});

test('both kinds are recorded, and the theme can still ask for highlighting when Jekyll has none', async () => {
  const plain = configs.filter((name) => !siteOf(name).highlighting);
  expect(plain.length).toBeGreaterThanOrEqual(4);
  expect(configs.length - plain.length).toBeGreaterThanOrEqual(4);
  const item = documentRenderItem(document, siteOf('none.yml'), { highlight: { engine: 'prism' } });
  expect((await render(item.source, item.options)).html).toContain('<span class="token keyword">def</span>');
});
