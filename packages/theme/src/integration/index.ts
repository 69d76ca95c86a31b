/**
 * The `blog()` integration: its hooks set Astro up, inject the routes,
 * hand the dev server to dev-server.ts and the end of a build to
 * build-output.ts.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadBlog, parseSiteConfig } from '@blog/model';
import { linkBack, type HtmlFile } from '../html-files.js';
import { indexSearch } from '../search-index.js';
import { currentBuild, setBuild, type Build } from '../shared.js';
import { missingUrlMessage } from '../site-url.js';
import { resolveThemeConfig, type RouteConfig, type ThemeOptions } from '../user-config.js';
import { finishBuild, reportedFiles } from './build-output.js';
import { serveBlog } from './dev-server.js';
import { themeSource, themeVitePlugin } from './vite-plugin.js';

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
 * The blog theme.
 *
 * @param options See {@link ThemeOptions}; every option has a default.
 * @throws Error (in `astro:config:setup`) listing every wrong option
 */
export default function blog(options: ThemeOptions = {}): AstroIntegration {
  let config: RouteConfig;
  let devUrl = false;
  let started = 0;
  let outDir = '';
  let keepOutput = false;
  let linked: HtmlFile[] = [];
  let prerenderDir = '';
  // A failed build exits without `astro:build:done`: its `.prerender/` bundle goes with the process.
  const removePrerender = () => {
    if (prerenderDir) rmSync(prerenderDir, { recursive: true, force: true });
  };
  return {
    name: '@blog/theme',
    hooks: {
      'astro:config:setup': ({ command, config: astroConfig, updateConfig, injectRoute, addWatchFile, logger }) => {
        const root = fileURLToPath(astroConfig.root);
        config = resolveThemeConfig(options, root);
        const configFile = ['_config.yml', '_config.yaml']
          .map((name) => join(config.source, name))
          .find((path) => existsSync(path));
        if (configFile) addWatchFile(configFile);
        const site = parseSiteConfig(configFile ? readFileSync(configFile, 'utf8') : '', configFile ?? '_config.yml');
        if (!site.url) {
          const configName = configFile ? relative(root, configFile) : '_config.yml';
          if (astroConfig.site) {
            config.siteUrl = astroConfig.site;
          } else if (command === 'build') {
            throw new Error(missingUrlMessage(configName));
          } else if (command === 'dev') {
            devUrl = true;
            config.siteUrl = `http://${typeof astroConfig.server.host === 'string' ? astroConfig.server.host : 'localhost'}:${astroConfig.server.port}`;
            logger.warn(
              `\`url\` is not set in ${configName}: pages use the dev server's address (${config.siteUrl}); \`astro build\` needs it set.`,
            );
          }
        }
        // The site's stylesheets: files relative to the project, or packages (`@fontsource/inter`).
        config.customCss = config.customCss.map((file, index) => {
          if (!/^\.{0,2}\//.test(file)) return file;
          const path = resolve(root, file);
          if (!existsSync(path)) {
            throw new Error(`[@blog/theme] \`customCss[${index}]\`: ${file} does not exist (looked for ${path})`);
          }
          return path;
        });
        const overrides = new Map<string, string>();
        for (const [name, path] of Object.entries(config.components)) {
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
          injectRoute({ pattern: route.pattern, entrypoint: join(themeSource, route.entrypoint), prerender: true });
        }
      },

      'astro:server:setup': ({ server }) => serveBlog(server, config.source),

      'astro:server:start': ({ address }) => {
        // The port Astro took (another when the configured one is busy); the routes read it on first use.
        if (devUrl) config.siteUrl = config.siteUrl!.replace(/:\d+$/, `:${address.port}`);
      },

      'astro:config:done': ({ config: astroConfig, buildOutput }) => {
        outDir = fileURLToPath(astroConfig.outDir);
        // Astro renders the pages from a bundle in `.prerender/`, which it removes only when the build succeeds.
        prerenderDir = fileURLToPath(
          new URL('./.prerender/', buildOutput === 'server' ? astroConfig.build.server : astroConfig.outDir),
        );
      },

      'astro:build:start': () => {
        started = Date.now();
        process.once('exit', removePrerender);
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
        process.off('exit', removePrerender);
        const out = fileURLToPath(dir);
        const build = currentBuild();
        setBuild(undefined);
        await finishBuild({
          config,
          out,
          started,
          blog: build?.blog ?? (await loadBlog(config.source, { drafts: config.drafts, future: config.future })),
          linked,
          kept: reportedFiles(out, assets),
          search: build?.search,
          logger,
        });
      },
    },
  };
}
