/**
 * `@blog/theme`: an Astro integration that turns a Jekyll-style folder into
 * a finished blog, the way Starlight does it for documentation.
 *
 * ```js
 * // astro.config.mjs
 * import { defineConfig } from 'astro/config';
 * import blog from '@blog/theme';
 * export default defineConfig({ integrations: [blog({ source: './blog' })] });
 * ```
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findSiteConfig, isHtmlDocument, loadBlog, readSiteConfig, startsWithFrontMatter } from '@blog/model';
import {
  componentNames,
  defaultStrings,
  type ComponentName,
  type ResolvedThemeConfig,
  type ThemeOptions,
} from './options.js';
import { htmlFiles, linkBack, moveToJekyllNames, type HtmlFile } from './html-files.js';
import { pruneOutput } from './output.js';
import { searchPartSize } from './search.js';
import { currentBuild, setBuild, type Build } from './shared.js';
import { indexSearch, recordSearchIndex } from './search-index.js';

export { defaultStrings, format, type ComponentName, type Strings, type ThemeOptions } from './options.js';

const here = dirname(fileURLToPath(import.meta.url));
const configModule = 'virtual:@blog/theme/config';
const contentPackages = ['@blog/model', '@blog/markdown', '@blog/feed'];
const componentPrefix = 'virtual:@blog/theme/components/';

/** The routes the theme provides; the catch-all page serves home, posts, pages, archive, tags and redirects. */
const routes = [
  { pattern: '/feed.xml', entrypoint: 'routes/feed.xml.ts' },
  { pattern: '/atom.xml', entrypoint: 'routes/atom.xml.ts' },
  { pattern: '/feed.json', entrypoint: 'routes/feed.json.ts' },
  { pattern: '/feed.xsl', entrypoint: 'routes/feed.xsl.ts' },
  { pattern: '/tags/[tag]/feed.xml', entrypoint: 'routes/tag-feed.xml.ts' },
  { pattern: '/sitemap.xml', entrypoint: 'routes/sitemap.xml.ts' },
  { pattern: '/robots.txt', entrypoint: 'routes/robots.txt.ts' },
  { pattern: '/favicon.svg', entrypoint: 'routes/favicon.svg.ts' },
  { pattern: '/404', entrypoint: 'routes/404.astro' },
  { pattern: '/[...path]', entrypoint: 'routes/page.astro' },
];

/**
 * The Vite plugin behind the theme's virtual modules: its resolved options
 * (`virtual:@blog/theme/config`) and its replaceable components
 * (`virtual:@blog/theme/components/<Name>`, the site's own when it gives one).
 * Exported for tests that render the theme's components outside a site.
 */
export function themeVitePlugin(config: ResolvedThemeConfig, overrides: ReadonlyMap<string, string> = new Map()) {
  // The content packages are plain Node ESM with native parsers and worker threads: they are loaded as
  // they are, never bundled, from where the theme itself finds them (with pnpm, a site that depends on
  // the theme alone cannot resolve them by name).
  const external = new Map(contentPackages.map((name) => [name, fileURLToPath(import.meta.resolve(name))]));
  return {
    name: '@blog/theme:virtual',
    enforce: 'pre' as const,
    resolveId(id: string) {
      const path = external.get(id);
      if (path) return { id: path, external: true };
      if (id === configModule) return `\0${configModule}`;
      if (id.startsWith(componentPrefix)) {
        const name = id.slice(componentPrefix.length);
        return overrides.get(name) ?? join(here, 'components', `${name}.astro`);
      }
      return undefined;
    },
    load(id: string) {
      if (id === `\0${configModule}`) return `export default ${JSON.stringify(config)};`;
      return undefined;
    },
  };
}

/** Options with every default filled in. */
export function resolveThemeConfig(options: ThemeOptions, root: string): ResolvedThemeConfig {
  const partSize = (typeof options.search === 'object' ? options.search.partSize : undefined) ?? searchPartSize;
  if (!Number.isInteger(partSize) || partSize < 1) {
    throw new Error(`[@blog/theme] \`search.partSize\`: expected a whole number above 0, got ${String(partSize)}`);
  }
  return {
    source: resolve(root, options.source ?? '.'),
    drafts: options.drafts ?? false,
    future: options.future,
    markdown: options.markdown ?? {},
    cacheDir: resolve(root, options.cacheDir ?? 'node_modules/.cache/@blog/theme'),
    strings: { ...defaultStrings, ...options.strings },
    search: options.search !== false,
    searchPartSize: partSize,
    feedLimit: options.feedLimit ?? 10,
    relatedPosts: options.relatedPosts ?? 4,
    tagPages: options.tagPages ?? true,
    locale: options.locale,
    incremental: options.incremental ?? true,
  };
}

/** Whether `target` is a copy of `source` made after its last change. */
function isCopy(source: string, target: string): boolean {
  try {
    const from = statSync(source);
    const to = statSync(target);
    return from.size === to.size && to.mtimeMs >= from.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * The blog theme.
 *
 * @param options See {@link ThemeOptions}; every option has a default.
 */
export default function blog(options: ThemeOptions = {}): AstroIntegration {
  let source = '';
  let config: ResolvedThemeConfig;
  let buildStart = 0;
  let outDir = '';
  let keepOutput = false;
  let linked: HtmlFile[] = [];
  return {
    name: '@blog/theme',
    hooks: {
      'astro:config:setup': ({ config: astroConfig, updateConfig, injectRoute, addWatchFile, logger }) => {
        const root = fileURLToPath(astroConfig.root);
        config = resolveThemeConfig(options, root);
        source = config.source;
        const configFile = findSiteConfig(source);
        if (configFile) addWatchFile(configFile.path);
        const site = readSiteConfig(source);
        if (!site.url && !astroConfig.site) {
          logger.warn('`url` is not set in _config.yml: canonical links, feeds and the sitemap need it.');
        }
        const overrides = new Map<string, string>();
        for (const [name, path] of Object.entries(options.components ?? {})) {
          if (!componentNames.includes(name as ComponentName)) {
            throw new Error(
              `[@blog/theme] \`components.${name}\`: no such component; expected one of ${componentNames.join(', ')}`,
            );
          }
          if (path) overrides.set(name, resolve(root, path));
        }
        // Astro's incremental builds came in Astro 7.2; before, every page is rendered on every build.
        if (config.incremental && !('incrementalBuild' in (astroConfig.experimental ?? {}))) {
          config.incremental = false;
          logger.info('this Astro has no incremental builds (7.2 and later do): every page is rendered each build');
        }
        keepOutput = config.incremental && astroConfig.vite?.build?.emptyOutDir === undefined;
        updateConfig({
          // Pages are rendered from data already in memory; overlapping their file writes keeps the CPU busy.
          build: { concurrency: astroConfig.build.concurrency > 1 ? astroConfig.build.concurrency : 8 },
          ...(config.incremental ? { experimental: { incrementalBuild: true } } : {}),
          site: astroConfig.site ?? (site.url || undefined),
          base: site.baseurl || undefined,
          vite: {
            plugins: [themeVitePlugin(config, overrides)],
            // Reused pages stay where they are (see output.ts); the site can still ask for an empty folder.
            ...(keepOutput ? { build: { emptyOutDir: false } } : {}),
          },
        });
        for (const route of routes) {
          injectRoute({ pattern: route.pattern, entrypoint: join(here, route.entrypoint), prerender: true });
        }
      },

      'astro:server:setup': ({ server }) => {
        // Edits to the blog's sources reload the data and the page.
        server.watcher.add(source);
        const reload = (path: string) => {
          if (!resolve(path).startsWith(source)) return;
          const module = server.moduleGraph.getModulesByFile(join(here, 'data.ts'));
          for (const entry of module ?? []) server.moduleGraph.invalidateModule(entry);
          server.ws.send({ type: 'full-reload' });
        };
        for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, reload);
        // Static files of the blog (images, downloads) are served from its folder; sources are not.
        server.middlewares.use((request, response, next) => {
          let path: string;
          try {
            path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
          } catch {
            return next();
          }
          const file = join(source, path);
          if (!file.startsWith(source) || /\/[_.]/.test(path) || path.endsWith('/') || !existsSync(file)) return next();
          const content = readFileSync(file);
          // A file with front matter is a page or a post, which the routes render.
          if (startsWithFrontMatter(content)) return next();
          response.end(content);
        });
      },

      'astro:config:done': ({ config: astroConfig }) => {
        outDir = fileURLToPath(astroConfig.outDir);
      },

      'astro:build:start': () => {
        buildStart = Date.now();
        // Reused `x.html` pages where Astro finds them (see html-files.ts), when the output folder is kept.
        linked = keepOutput ? linkBack(outDir, config.cacheDir) : [];
        const build: Build = {
          indexSearch: (language, parts) => {
            if (!config.search) return;
            build.search = indexSearch(outDir, config.cacheDir, language, parts);
            // A failure is reported where the build waits for it, when it is done.
            build.search.catch(() => undefined);
          },
        };
        setBuild(build);
      },

      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        const build = currentBuild();
        setBuild(undefined);
        const blogData = build?.blog ?? (await loadBlog(source, { drafts: config.drafts, future: config.future }));
        // Files of this build that it did not write: the pages Astro reused, unchanged static files.
        const kept = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) kept.add(relative(out, fileURLToPath(url)));
        }
        // Jekyll's `x.html` permalinks: the page route wrote `x/index.html` (see routes/page.astro).
        moveToJekyllNames(out, config.cacheDir, htmlFiles(blogData), linked, kept);
        // Documents that are not HTML (Liquid-made `.json`, `.txt`), written as Jekyll would.
        const { posts, pages, collections } = blogData;
        const documents = [...posts, ...pages, ...Object.values(collections).flat()];
        for (const document of documents.filter((entry) => !isHtmlDocument(entry))) {
          mkdirSync(dirname(join(out, document.outputPath)), { recursive: true });
          writeFileSync(join(out, document.outputPath), document.body);
        }
        for (const file of blogData.staticFiles) {
          const target = join(out, file.path);
          if (isCopy(file.absolutePath, target)) {
            kept.add(file.path);
            continue;
          }
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(file.absolutePath, target);
        }
        logger.info(
          `${blogData.posts.length} posts, ${blogData.pages.length} pages, ${blogData.staticFiles.length} static files from ${source}`,
        );
        if (config.search) {
          // Started by the routes once the posts were rendered (see data.ts).
          if (!build?.search) throw new Error('[@blog/theme] the search index was not started: no page was built');
          const index = await recordSearchIndex(await build.search);
          for (const file of index.files) kept.add(file);
          logger.info(
            `search index: ${index.documents} documents in ${index.parts} part(s), ${index.indexed} indexed, ${index.parts - index.indexed} reused`,
          );
        }
        if (config.incremental) {
          const removed = pruneOutput(out, kept, buildStart);
          if (removed > 0) logger.info(`removed ${removed} file(s) left from earlier builds`);
        }
      },
    },
  };
}
