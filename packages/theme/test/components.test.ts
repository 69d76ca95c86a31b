import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import ArchiveTable from '../src/components/ArchiveTable.astro';
import Footer from '../src/components/Footer.astro';
import Head from '../src/components/Head.astro';
import Header from '../src/components/Header.astro';
import Pagination from '../src/components/Pagination.astro';
import PostSummary from '../src/components/PostSummary.astro';
import RelatedPosts from '../src/components/RelatedPosts.astro';
import TagList from '../src/components/TagList.astro';
import { getSiteData, type SiteData } from '../src/data.ts';
import Page from '../src/routes/page.astro';
import SearchView from '../src/views/SearchView.astro';

let container: AstroContainer;
let data: SiteData;

/** Renders without the source annotations Astro adds in dev mode. */
async function render(component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>) {
  const html = await container.renderToString(component, { props });
  return html.replace(/ data-astro-source-(?:file|loc)="[^"]*"/g, '');
}

beforeAll(async () => {
  container = await AstroContainer.create();
  data = await getSiteData();
});

describe('theme components, rendered with the Astro container', () => {
  test('Header: the site title and the pages, twice (desktop list, menu for small screens)', async () => {
    const html = await render(Header, { data, path: '/about/' });
    expect(html).toContain('<a class="site-title" href="/" rel="author">Packet Path</a>');
    expect(html.match(/<a href="\/about\/" aria-current="page">About<\/a>/g)).toHaveLength(2);
    expect(html).toContain('<a href="/archive.html">Archive</a>');
    expect(html).toContain('<details class="site-nav__menu"><summary>Menu</summary>');
    expect(html).not.toContain('<script');
  });

  test('Head: title, description, canonical, feeds, Open Graph, fediverse and JSON-LD', async () => {
    const html = await container.renderToString(Head, {
      props: { data, path: '/about/', title: 'About', description: 'About <this> blog', jsonLd: { name: '</script>' } },
    });
    expect(html).toContain('<title>About | Packet Path</title>');
    expect(html).toContain('<meta name="description" content="About <this> blog">');
    expect(html).toContain('<link rel="canonical" href="https://packets.example.org/about/">');
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="Packet Path (RSS)">',
    );
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/atom.xml"');
    expect(html).toContain('<link rel="alternate" type="application/feed+json" href="/feed.json"');
    expect(html).toContain('<meta property="og:url" content="https://packets.example.org/about/">');
    // JSON-LD cannot close its script element.
    expect(html).toContain('{"name":"\\u003c/script>"}');
  });

  test('Footer: email, GitHub with rel="me", feed link', async () => {
    const html = await render(Footer, { data });
    expect(html).toContain('href="mailto:ada@example.org"');
    expect(html).toContain('<a rel="me" href="https://github.com/ada-example">');
  });

  test('PostSummary: date, title, excerpt and "read more" when the post goes on', async () => {
    const post = data.blog.posts[0]!;
    const html = await render(PostSummary, { data, post });
    expect(html).toContain('<time class="dt-published" datetime="2023-12-14T15:00:00.000Z">Dec 14, 2023</time>');
    expect(html).toContain(
      'href="/2023/12/14/terraform-to-tofu.html">Moving state files: from Terraform to OpenTofu</a>',
    );
    expect(html).toContain('post-summary__excerpt--more');
    expect(html).toMatch(
      />\s*read more<span class="visually-hidden">: Moving state files: from Terraform to OpenTofu<\/span>\s*<\/a>/,
    );
  });

  test('Pagination: "Page: 1 of 3" with a link to older posts', async () => {
    const html = await render(Pagination, { data, page: data.home[0] });
    expect(html).toContain('Page: 1 of 3');
    expect(html).toContain('<a class="pagination__older" rel="next" href="/page2/">Older posts →</a>');
    expect(html).not.toContain('rel="prev"');
  });

  test('RelatedPosts, ArchiveTable and TagList', async () => {
    const post = data.blog.posts[0]!;
    const related = await render(RelatedPosts, { data, posts: data.related(post) });
    expect(related).toContain('<h2 id="related-heading">Other posts</h2>');
    expect(related.match(/<tr>/g)).toHaveLength(5);
    const archive = await render(ArchiveTable, { data, posts: data.blog.posts });
    expect(archive).toContain('<time datetime="2023-11-20T22:30:00.000Z">20 Nov 2023</time>');
    const tags = await render(TagList, { data, tags: post.tags });
    expect(tags).toContain(
      '<a class="p-category" rel="tag" href="/tags/wikimedia-foundation/">wikimedia foundation</a>',
    );
  });

  test('a post page: BlogPosting microdata, article body, tags, previous/next', async () => {
    const post = data.blog.posts[1]!;
    const html = await render(Page, { entry: { kind: 'post', post }, path: post.permalink });
    expect(html).toContain('itemscope itemtype="http://schema.org/BlogPosting"');
    expect(html).toContain('itemprop="name headline">Late night: a post written near midnight</h1>');
    expect(html).toContain('itemprop="datePublished">Nov 20, 2023</time>');
    expect(html).toMatch(/<div class="post-content e-content" itemprop="articleBody"><p>Written just after midnight/);
    expect(html).toContain('rel="prev" href="/2023/05/31/hackathon.html"');
    expect(html).toContain('rel="next" href="/2023/12/14/terraform-to-tofu.html"');
    expect(html).toContain('"@type":"BlogPosting"');
  });
});

describe('customising the theme', () => {
  test('a site component replaces the theme’s; the others stay', async () => {
    const { themeVitePlugin, resolveThemeConfig } = await import('../src/index.ts');
    const config = resolveThemeConfig({ strings: { readMore: 'leer más' } }, '/site');
    expect(config.strings.readMore).toBe('leer más');
    expect(config.strings.posts).toBe('Posts');
    const plugin = themeVitePlugin(config, new Map([['Footer', '/site/src/MyFooter.astro']]));
    expect(plugin.resolveId('virtual:@blog/theme/components/Footer')).toBe('/site/src/MyFooter.astro');
    expect(plugin.resolveId('virtual:@blog/theme/components/Header')).toMatch(
      /packages\/theme\/src\/components\/Header\.astro$/,
    );
    expect(plugin.load('\0virtual:@blog/theme/config')).toContain('"readMore":"leer más"');
  });

  test('an unknown component name is an error that lists the names', async () => {
    const { default: blog } = await import('../src/index.ts');
    const integration = blog({ components: { Sidebar: './x.astro' } as never });
    const setup = integration.hooks['astro:config:setup']!;
    expect(() =>
      setup({
        config: { root: new URL('../../model/test/fixtures/jekyll-site/', import.meta.url), site: undefined },
        updateConfig: () => undefined,
        injectRoute: () => undefined,
        addWatchFile: () => undefined,
        logger: { warn: () => undefined },
      } as never),
    ).toThrow('`components.Sidebar`: no such component; expected one of Head, Header, Footer');
  });
});

describe('the search page', () => {
  test('in the dev server (no index), says that `astro build` makes the index instead of loading a missing one', async () => {
    const html = await render(SearchView, { data: { ...data, config: { ...data.config, dev: true } } });
    expect(html).toContain(
      '<p class="search-in-dev">The search index is made by `astro build`: to search, run `astro build` then `astro preview`.</p>',
    );
    expect(html).not.toContain('pagefind-ui.js');
  });

  test('in a build, loads Pagefind’s UI', async () => {
    const html = await render(SearchView, { data: { ...data, config: { ...data.config, dev: false } } });
    expect(html).toContain('<script src="/pagefind/pagefind-ui.js"></script>');
    expect(html).not.toContain('search-in-dev');
  });

  test('the integration marks `astro dev` only', async () => {
    const { default: blog } = await import('../src/index.ts');
    for (const command of ['dev', 'build'] as const) {
      let config: { dev?: boolean } = {};
      blog().hooks['astro:config:setup']!({
        command,
        config: {
          root: new URL('../../model/test/fixtures/jekyll-site/', import.meta.url),
          build: { concurrency: 1 },
          experimental: {},
          server: { port: 4321 },
        },
        updateConfig: (update: { vite: { plugins: { load(id: string): string }[] } }) => {
          const module = update.vite.plugins[0]!.load('\0virtual:@blog/theme/config');
          config = JSON.parse(module.replace(/^export default |;$/g, ''));
        },
        injectRoute: () => undefined,
        addWatchFile: () => undefined,
        logger: { warn: () => undefined, info: () => undefined },
      } as never);
      expect(config.dev, command).toBe(command === 'dev');
    }
  });
});

describe('copying a component', () => {
  test('the replaceable components import only public names, so a copy compiles anywhere', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const folder = new URL('../src/components/', import.meta.url);
    const { componentNames } = await import('../src/index.ts');
    for (const name of componentNames) {
      const source = readFileSync(new URL(`${name}.astro`, folder), 'utf8');
      const imports = [...source.matchAll(/^import\s.*?from\s+'([^']+)'/gm)].map((match) => match[1]!);
      for (const path of imports) {
        expect(path, `${name}.astro imports ${path}`).toMatch(
          /^(@blog\/(model|feed|markdown)|@blog\/theme\/|virtual:)/,
        );
      }
    }
    expect(readdirSync(folder).length).toBeGreaterThanOrEqual(componentNames.length);
  });
});

describe('customCss', () => {
  const setup = async (
    customCss: string[],
    root = new URL('../../model/test/fixtures/jekyll-site/', import.meta.url),
  ) => {
    const { default: blog } = await import('../src/index.ts');
    let plugin: { load(id: string): string | undefined } | undefined;
    blog({ customCss }).hooks['astro:config:setup']!({
      command: 'dev',
      config: {
        root,
        build: { concurrency: 1 },
        experimental: {},
        server: { port: 4321 },
      },
      updateConfig: (config: { vite: { plugins: never[] } }) => {
        plugin = config.vite.plugins[0];
      },
      injectRoute: () => undefined,
      addWatchFile: () => undefined,
      logger: { warn: () => undefined, info: () => undefined },
    } as never);
    return plugin!;
  };

  test('the site’s stylesheets are imported in order: files from the project root, packages by name', async () => {
    const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const root = mkdtempSync(`${(await import('node:os')).tmpdir()}/blog-css-`);
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(`${root}/src/styles`, { recursive: true });
    writeFileSync(`${root}/_config.yml`, 'title: Styled\nurl: https://styled.example\n');
    writeFileSync(`${root}/src/styles/custom.css`, ':root { --blog-color-accent: #123456; }\n');
    const plugin = await setup(['./src/styles/custom.css', '@fontsource/inter'], new URL(`file://${root}/`));
    expect(plugin.load('\0virtual:@blog/theme/custom-css')).toBe(
      `import ${JSON.stringify(`${root}/src/styles/custom.css`)};\nimport "@fontsource/inter";`,
    );
  });

  test('a stylesheet that does not exist is an error naming it', async () => {
    await expect(setup(['./src/styles/custom.css'])).rejects.toThrow(
      '`customCss[0]`: ./src/styles/custom.css does not exist',
    );
  });

  test('the layout imports them after the theme’s own styles', async () => {
    const { readFileSync } = await import('node:fs');
    const layout = readFileSync(new URL('../src/layouts/BaseLayout.astro', import.meta.url), 'utf8');
    expect(layout.indexOf("import 'virtual:@blog/theme/custom-css'")).toBeGreaterThan(
      layout.indexOf("import '../styles/theme.css'"),
    );
  });
});
