/**
 * The packages as another blog meets them: packed into tarballs, installed
 * outside this workspace (no workspace links), used in a fresh Astro project
 * and from plain Node.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// The tarballs and the projects installed from them (about 30 MB), removed when the file's tests are done.
const work = mkdtempSync(join(tmpdir(), 'blog-packed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const tarballs = join(work, 'tarballs');
const astroVersion = JSON.parse(readFileSync(join(root, 'apps/site/package.json'), 'utf8')).dependencies.astro;
const sharpVersion = JSON.parse(readFileSync(join(root, 'apps/site/package.json'), 'utf8')).dependencies.sharp;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', CI: 'true' };

/** pnpm, as it runs this test (or pnpm 10 through npx). */
function pnpm(args: string[], cwd: string): string {
  const execPath = process.env.npm_execpath;
  const [command, prefix] =
    execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath]] : ['npx', ['-y', 'pnpm@10.34.9']];
  // No stdin: nothing may wait for an answer; a time limit turns a hang into a failure that shows the output.
  return execFileSync(command, [...prefix, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 1_200_000,
  });
}

const tarball = (name: string) => {
  const file = readdirSync(tarballs).find((entry) => entry.startsWith(`blog-${name}-`));
  if (!file) throw new Error(`no tarball for @blog/${name}`);
  return `file:${join(tarballs, file)}`;
};

/** Every @blog package from its tarball, however deep it is required. */
const overrides = () =>
  Object.fromEntries(['model', 'markdown', 'feed', 'theme'].map((name) => [`@blog/${name}`, tarball(name)]));

beforeAll(() => {
  mkdirSync(tarballs);
  pnpm(['-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs], root);
});

describe('the packed tarballs', () => {
  test('hold what they need and nothing of the workspace', () => {
    const names = readdirSync(tarballs).sort();
    expect(names).toEqual(
      [
        'blog-create-blog-0.0.0.tgz',
        'blog-feed-0.0.0.tgz',
        'blog-markdown-0.0.0.tgz',
        'blog-model-0.0.0.tgz',
        'blog-theme-0.0.0.tgz',
      ].map((name) => expect.stringMatching(new RegExp(`^${name.replace(/0\.0\.0/, '\\d+\\.\\d+\\.\\d+')}$`))),
    );
    for (const name of names) {
      const listing = execFileSync('tar', ['-tzf', join(tarballs, name)], { encoding: 'utf8' });
      expect(listing).toContain('package/README.md');
      expect(listing).toContain('package/LICENSE');
      expect(listing).not.toMatch(/package\/(test|node_modules|\.turbo)\//);
      const manifest = JSON.parse(
        execFileSync('tar', ['-xzOf', join(tarballs, name), 'package/package.json'], { encoding: 'utf8' }),
      );
      expect(JSON.stringify(manifest)).not.toContain('workspace:');
    }
  });

  test('publint and arethetypeswrong (esm-only) find no problem', () => {
    const bin = (name: string) => join(root, 'tests/packed/node_modules/.bin', name);
    for (const name of ['model', 'markdown', 'feed', 'theme', 'create-blog']) {
      const output = execFileSync(
        process.execPath,
        [bin('publint').replace(/\.bin\/publint$/, 'publint/src/cli.js'), join(root, 'packages', name)],
        {
          encoding: 'utf8',
          env,
        },
      );
      expect(output, name).toContain('All good!');
    }
    for (const file of readdirSync(tarballs)) {
      // Throws (non-zero exit) on any problem; the XSL stylesheet is a file export, not a module.
      execFileSync(bin('attw'), [join(tarballs, file), '--profile', 'esm-only', '--exclude-entrypoints', 'feed.xsl'], {
        env,
        stdio: 'pipe',
      });
    }
  });
});

describe('a fresh Astro project using @blog/theme from the tarballs', () => {
  const project = join(work, 'blog');
  let buildLog = '';
  beforeAll(() => {
    mkdirSync(join(project, 'content/_posts'), { recursive: true });
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify(
        {
          name: 'my-blog',
          private: true,
          type: 'module',
          dependencies: {
            '@blog/theme': tarball('theme'),
            '@blog/model': tarball('model'),
            astro: astroVersion,
            sharp: sharpVersion,
          },
          pnpm: { overrides: overrides(), onlyBuiltDependencies: ['esbuild', 'sharp'] },
        },
        null,
        2,
      ),
    );
    writeFileSync(
      join(project, 'astro.config.mjs'),
      [
        "import { defineConfig } from 'astro/config';",
        "import blog, { logger } from '@blog/theme';",
        '',
        'export default defineConfig({',
        '  logger: logger(),',
        '  integrations: [',
        '    blog({',
        "      source: './content',",
        '      search: false,',
        "      customCss: ['./src/styles/custom.css'],",
        "      components: { Header: './src/components/Header.astro', PostMeta: './src/components/PostMeta.astro' },",
        '    }),',
        '  ],',
        '});',
      ].join('\n'),
    );
    // A plain `:root` rule of the site's own stylesheet, as the theme's README says.
    mkdirSync(join(project, 'src/styles'), { recursive: true });
    writeFileSync(join(project, 'src/styles/custom.css'), ':root {\n  --blog-color-accent: rgb(1, 2, 3);\n}\n');
    writeFileSync(
      join(project, 'content/_config.yml'),
      'title: Reused Theme\nurl: https://reused.example\npaginate: 2\nemail: me@reused.example\n',
    );
    for (const [day, slug, title] of [
      ['2024-01-10', 'first', 'The first post'],
      ['2024-02-20', 'second', 'The second post'],
      ['2024-03-30', 'third', 'The third post'],
    ]) {
      writeFileSync(
        join(project, 'content/_posts', `${day}-${slug}.md`),
        `---\ntitle: ${title}\ntags: [demo]\n---\nHello from **${slug}**, see [the about page](/about/).\n\n<!--more-->\n\n\`\`\`yaml\nkey: ${slug}\n\`\`\`\n`,
      );
    }
    writeFileSync(
      join(project, 'content/about.md'),
      '---\ntitle: About\npermalink: /about/\n---\nA blog that reuses the theme.\n',
    );
    // The same folder as Astro content collections, through @blog/model's loader.
    mkdirSync(join(project, 'src/pages'), { recursive: true });
    writeFileSync(
      join(project, 'src/content.config.ts'),
      [
        "import { defineCollection } from 'astro:content';",
        "import { jekyllLoader } from '@blog/model';",
        'export const collections = {',
        "  posts: defineCollection({ loader: jekyllLoader({ root: './content' }) }),",
        "  pages: defineCollection({ loader: jekyllLoader({ root: './content', documents: 'pages' }) }),",
        '};',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'src/pages/collections.json.ts'),
      [
        "import { getCollection } from 'astro:content';",
        'export async function GET() {',
        "  const posts = await getCollection('posts');",
        "  const pages = await getCollection('pages');",
        '  return Response.json({',
        '    posts: posts.map((entry) => ({ id: entry.id, title: entry.data.title, permalink: entry.data.permalink, date: entry.data.date.toISOString() })),',
        '    pages: pages.map((entry) => entry.data.permalink),',
        '  });',
        '}',
      ].join('\n'),
    );
    pnpm(['install', '--no-frozen-lockfile'], project);
    // Components copied from the theme, as its README says: unchanged but for a class that shows they are used.
    mkdirSync(join(project, 'src/components'), { recursive: true });
    const components = join(project, 'node_modules/@blog/theme/src/components');
    const header = readFileSync(join(components, 'Header.astro'), 'utf8');
    writeFileSync(
      join(project, 'src/components/Header.astro'),
      header.replace('class="site-header"', 'class="site-header copied-header"'),
    );
    copyFileSync(join(components, 'PostMeta.astro'), join(project, 'src/components/PostMeta.astro'));
    buildLog = execFileSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: project,
      env,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  });

  test("the theme's log loads from node_modules: the pages are counted, not listed", () => {
    // Astro falls back to its own log, silently, when the one set cannot be loaded.
    expect(buildLog).toMatch(/└─ \d+ file\(s\) written\n/);
    expect(buildLog).not.toMatch(/├─ \/\S*index\.html/);
  });

  test('builds the posts at Jekyll URLs, the home pages and the feeds', () => {
    const dist = join(project, 'dist');
    for (const file of [
      '2024/01/10/first.html',
      '2024/03/30/third.html',
      'about/index.html',
      'index.html',
      'page2/index.html',
      'archive/index.html',
      'tags/demo/index.html',
      'feed.xml',
      'atom.xml',
      'feed.json',
      'sitemap.xml',
    ]) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
    expect(readFileSync(join(dist, '2024/02/20/second.html'), 'utf8')).toContain('<strong>second</strong>');
    const feed = readFileSync(join(dist, 'feed.xml'), 'utf8');
    expect(feed.match(/<item>/g)).toHaveLength(3);
    expect(feed).toContain('<link>https://reused.example/2024/03/30/third.html</link>');
    expect(feed).toContain('href="https://reused.example/about/"');
  });

  test('the Jekyll folder also works as Astro content collections (jekyllLoader)', () => {
    const collections = JSON.parse(readFileSync(join(project, 'dist/collections.json'), 'utf8'));
    // Astro returns entries by id; the loader's own order (newest first) is not promised by getCollection.
    expect([...collections.posts].sort((a, b) => b.date.localeCompare(a.date))).toEqual([
      {
        id: '_posts/2024-03-30-third.md',
        title: 'The third post',
        permalink: '/2024/03/30/third.html',
        date: '2024-03-30T00:00:00.000Z',
      },
      {
        id: '_posts/2024-02-20-second.md',
        title: 'The second post',
        permalink: '/2024/02/20/second.html',
        date: '2024-02-20T00:00:00.000Z',
      },
      {
        id: '_posts/2024-01-10-first.md',
        title: 'The first post',
        permalink: '/2024/01/10/first.html',
        date: '2024-01-10T00:00:00.000Z',
      },
    ]);
    expect(collections.pages).toEqual(['/about/']);
  });

  test('customCss: a plain `:root` rule of the site wins over the theme’s, in light and dark mode (Chromium)', async () => {
    const dist = join(project, 'dist');
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ colorScheme });
        // The built folder, served as a static host would, without a server.
        await page.route('http://blog.test/**', (route) => {
          const path = new URL(route.request().url()).pathname;
          return route.fulfill({ path: join(dist, path.endsWith('/') ? `${path}index.html` : path) });
        });
        await page.goto('http://blog.test/');
        const accent = await page.evaluate(() => ({
          border: getComputedStyle(document.querySelector('.site-header')!).borderTopColor,
          title: getComputedStyle(document.querySelector('.site-title')!).color,
        }));
        expect(accent, colorScheme).toEqual({ border: 'rgb(1, 2, 3)', title: 'rgb(1, 2, 3)' });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  test('components copied from the theme build unchanged in the site’s src/', () => {
    const home = readFileSync(join(project, 'dist/index.html'), 'utf8');
    expect(home).toContain('class="site-header copied-header"');
    // The copied Header's menu (NavItems, from the theme by its public name) and the copied PostMeta's dates.
    expect(home).toMatch(/<details class="site-nav__menu">.*<a href="\/about\/">About<\/a>/s);
    expect(home).toContain('<time class="dt-published" datetime="2024-03-30T00:00:00.000Z">Mar 30, 2024</time>');
  });

  test('a misspelt option stops the build, naming the closest valid one', () => {
    const config = join(project, 'astro.misspelt.config.mjs');
    writeFileSync(
      config,
      "import { defineConfig } from 'astro/config';\nimport blog from '@blog/theme';\nexport default defineConfig({ integrations: [blog({ sourc: './content' })] });\n",
    );
    let output = '';
    try {
      execFileSync(
        process.execPath,
        [join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', 'astro.misspelt.config.mjs'],
        {
          cwd: project,
          env,
          stdio: 'pipe',
          encoding: 'utf8',
        },
      );
    } catch (error) {
      const failure = error as { stdout: string; stderr: string };
      output = failure.stdout + failure.stderr;
    }
    expect(output).toContain('`sourc`: unknown option; did you mean `source`?');
  });

  test('a build that fails while rendering leaves no `.prerender/` bundle in the output folder', () => {
    writeFileSync(join(project, 'src/components/Broken.astro'), "---\nthrow new Error('a broken footer');\n---\n");
    writeFileSync(
      join(project, 'astro.failing.config.mjs'),
      [
        "import { defineConfig } from 'astro/config';",
        "import blog from '@blog/theme';",
        'export default defineConfig({',
        "  outDir: './dist-failed',",
        "  integrations: [blog({ source: './content', search: false, components: { Footer: './src/components/Broken.astro' } })],",
        '});',
      ].join('\n'),
    );
    let output = '';
    try {
      execFileSync(
        process.execPath,
        [join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', 'astro.failing.config.mjs'],
        { cwd: project, env, stdio: 'pipe', encoding: 'utf8' },
      );
    } catch (error) {
      const failure = error as { stdout: string; stderr: string };
      output = failure.stdout + failure.stderr;
    }
    expect(output).toContain('a broken footer');
    expect(existsSync(join(project, 'dist-failed'))).toBe(true);
    expect(readdirSync(join(project, 'dist-failed'))).not.toContain('.prerender');
  });

  test('installed the packages as files, not workspace links', () => {
    const theme = join(project, 'node_modules/@blog/theme');
    expect(readFileSync(join(theme, 'package.json'), 'utf8')).toContain('"name": "@blog/theme"');
    expect(existsSync(join(theme, 'test'))).toBe(false);
  });
});

describe('the starter: `pnpm create @blog/blog` from its tarball', () => {
  let buildLog = '';
  const runner = join(work, 'create');
  const project = join(runner, 'field-notes');
  beforeAll(() => {
    // What `pnpm create @blog/blog field-notes` does: install @blog/create-blog, run its bin.
    mkdirSync(runner);
    writeFileSync(
      join(runner, 'package.json'),
      JSON.stringify({ name: 'runner', private: true, dependencies: { '@blog/create-blog': tarball('create-blog') } }),
    );
    pnpm(['install', '--no-frozen-lockfile'], runner);
    pnpm(['exec', 'create-blog', 'field-notes', '--title', 'Field notes'], runner);
    // The @blog packages are not on the registry: the starter's ranges are served from the tarballs.
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    manifest.pnpm.overrides = overrides();
    writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
    pnpm(['install', '--no-frozen-lockfile'], project);
    buildLog = execFileSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: project,
      env,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  });

  test("the starter's astro.config sets the theme's log, and it loads: the pages are counted", () => {
    // Astro falls back to its own log, silently, when the one set cannot be loaded.
    expect(buildLog).toMatch(/└─ \d+ file\(s\) written\n/);
    expect(buildLog).not.toMatch(/├─ \/\S*index\.html/);
  });

  test('writes a blog that installs and builds: home, post, about page, feed, search', () => {
    const dist = join(project, 'dist');
    const post = readdirSync(join(project, 'blog/_posts'))[0]!;
    const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})-welcome\.md$/.exec(post)!;
    const postPage = readFileSync(join(dist, `${year}/${month}/${day}/welcome.html`), 'utf8');
    expect(postPage).toContain('<title>Welcome | Field notes</title>');
    expect(postPage).toContain('<code');
    expect(readFileSync(join(dist, 'about/index.html'), 'utf8')).toContain('<h1 class="post-title">About</h1>');
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain(`href="/${year}/${month}/${day}/welcome.html"`);
    expect(readFileSync(join(dist, 'feed.xml'), 'utf8')).toContain(
      `<link>https://blog.example.com/${year}/${month}/${day}/welcome.html</link>`,
    );
    expect(existsSync(join(dist, 'pagefind/pagefind-ui.js'))).toBe(true);
  });

  test('its stylesheet comes through customCss, after the theme’s', () => {
    const home = readFileSync(join(project, 'dist/index.html'), 'utf8');
    const css = [...home.matchAll(/<link rel="stylesheet" href="\/(_astro\/[^"]+\.css)">/g)]
      .map((match) => readFileSync(join(project, 'dist', match[1]!), 'utf8'))
      .join('\n');
    const theme = css.indexOf('--blog-color-accent:#b36b00');
    const custom = css.indexOf('--blog-color-accent:#7c3aed');
    expect(theme).toBeGreaterThanOrEqual(0);
    expect(custom).toBeGreaterThan(theme);
  });
});

describe('@blog/markdown and @blog/feed from plain Node, without Astro', () => {
  test('render a post and write its feed', () => {
    const project = join(work, 'node');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify(
        {
          name: 'plain-node',
          private: true,
          type: 'module',
          dependencies: { '@blog/markdown': tarball('markdown'), '@blog/feed': tarball('feed') },
          pnpm: { overrides: overrides() },
        },
        null,
        2,
      ),
    );
    writeFileSync(
      join(project, 'index.mjs'),
      [
        "import { render } from '@blog/markdown';",
        "import { rss } from '@blog/feed';",
        "const post = await render('Hello -- *world*.\\n\\n![A map](/map.png)', { baseUrl: 'https://plain.example/hello.html' });",
        "const xml = rss({ title: 'Plain', link: 'https://plain.example/', items: [{ url: 'https://plain.example/hello.html', title: 'Hello', contentHtml: post.html, published: new Date('2024-05-01T00:00:00Z') }] }, { url: 'https://plain.example/feed.xml' });",
        'console.log(JSON.stringify({ html: post.html, xml }));',
      ].join('\n'),
    );
    pnpm(['install', '--no-frozen-lockfile'], project);
    const { html, xml } = JSON.parse(execFileSync(process.execPath, ['index.mjs'], { cwd: project, encoding: 'utf8' }));
    expect(html).toContain('<p>Hello – <em>world</em>.</p>');
    expect(html).toContain('src="https://plain.example/map.png"');
    expect(xml).toContain('<title>Hello</title>');
    expect(xml).toContain('<pubDate>Wed, 01 May 2024 00:00:00 +0000</pubDate>');
    expect(existsSync(join(project, 'node_modules/astro'))).toBe(false);
  });
});
