/**
 * `astro:config:setup` in steps: the options, the site's `_config.yml`, the
 * site URL when it has none, the site's stylesheets and components, and the
 * Astro settings the theme needs.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { findSiteConfig, readSiteConfig, type Site } from '@blog/model';
import { missingUrlMessage } from '../site-url.js';
import { resolveThemeConfig, type RouteConfig, type ThemeOptions } from '../user-config.js';
import { themeSource, themeVitePlugin } from './vite-plugin.js';

/** What the setup hands to the other hooks. */
export interface ThemeSetup {
  config: RouteConfig;
  /** Whether `config.siteUrl` is the dev server's address (its port is known once it listens). */
  devUrl: boolean;
  /** Whether the output folder is kept between builds (incremental builds). */
  keepOutput: boolean;
}

/** What Astro gives the hook, as far as the theme uses it. */
export interface SetupParams {
  command: 'dev' | 'build' | 'preview' | 'sync';
  config: AstroConfig;
  updateConfig(config: Record<string, unknown>): unknown;
  injectRoute(route: { pattern: string; entrypoint: string; prerender: boolean }): void;
  addWatchFile(path: string): void;
  logger: Pick<AstroIntegrationLogger, 'warn' | 'info'>;
}

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
  { pattern: '/series/[series]', entrypoint: 'routes/series.astro' },
  { pattern: '/[...path]', entrypoint: 'routes/page.astro' },
];

/** The site's `_config.yml` (or `.yaml`), watched, and its name for messages. */
function readSite(source: string, root: string, params: SetupParams): { site: Site; configName: string } {
  const configFile = findSiteConfig(source);
  if (configFile) params.addWatchFile(configFile.path);
  return { site: readSiteConfig(source), configName: configFile ? relative(root, configFile.path) : '_config.yml' };
}

/**
 * The URL the routes use when `_config.yml` has none: Astro's `site`; in `astro dev`, the dev server's
 * address, with a warning. `astro build` without either stops (see site-url.ts).
 *
 * @returns whether it is the dev server's address
 */
function fallbackUrl(setup: ThemeSetup, site: Site, configName: string, params: SetupParams): boolean {
  if (site.url) return false;
  const { config: astroConfig, command } = params;
  if (astroConfig.site) {
    setup.config.siteUrl = astroConfig.site;
    return false;
  }
  if (command === 'build') throw new Error(missingUrlMessage(configName));
  if (command !== 'dev') return false;
  const host = typeof astroConfig.server.host === 'string' ? astroConfig.server.host : 'localhost';
  setup.config.siteUrl = `http://${host}:${astroConfig.server.port}`;
  params.logger.warn(
    `\`url\` is not set in ${configName}: pages use the dev server's address (${setup.config.siteUrl}); \`astro build\` needs it set.`,
  );
  return true;
}

/** The blog's folder, which must exist: else every later message (no `url`, no posts) would mislead. */
function checkSource(source: string, given: string | undefined): void {
  if (statSync(source, { throwIfNoEntry: false })?.isDirectory()) return;
  throw new Error(
    `[@blog/theme] \`source\`: ${given ?? '.'} is not a folder (looked for ${source}); it is the blog's Jekyll-style folder, with _config.yml and _posts/`,
  );
}

/** The site's stylesheets: files relative to the project (which must exist), or packages (`@fontsource/inter`). */
function customCssPaths(files: readonly string[], root: string): string[] {
  return files.map((file, index) => {
    if (!/^\.{0,2}\//.test(file)) return file;
    const path = resolve(root, file);
    if (!existsSync(path)) {
      throw new Error(`[@blog/theme] \`customCss[${index}]\`: ${file} does not exist (looked for ${path})`);
    }
    return path;
  });
}

/** The site's components, by name: absolute paths. */
function componentOverrides(components: RouteConfig['components'], root: string): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const [name, path] of Object.entries(components)) {
    if (path) overrides.set(name, resolve(root, path));
  }
  return overrides;
}

/** Whether this Astro has incremental builds (7.2 and later); without, every page is rendered each build. */
function hasIncrementalBuilds(astroConfig: AstroConfig, logger: SetupParams['logger']): boolean {
  if ('incrementalBuild' in (astroConfig.experimental ?? {})) return true;
  logger.info('this Astro has no incremental builds (7.2 and later do): every page is rendered each build');
  return false;
}

/**
 * Sets Astro up for the theme: reads the options (throwing on a wrong one) and the site, updates Astro's
 * config, injects the routes.
 */
export function setupTheme(options: ThemeOptions, params: SetupParams): ThemeSetup {
  const { config: astroConfig } = params;
  const root = fileURLToPath(astroConfig.root);
  const setup: ThemeSetup = { config: resolveThemeConfig(options, root), devUrl: false, keepOutput: false };
  const { config } = setup;
  config.dev = params.command === 'dev';
  checkSource(config.source, options.source);
  const { site, configName } = readSite(config.source, root, params);
  setup.devUrl = fallbackUrl(setup, site, configName, params);
  config.customCss = customCssPaths(config.customCss, root);
  config.incremental &&= hasIncrementalBuilds(astroConfig, params.logger);
  setup.keepOutput = config.incremental && astroConfig.vite?.build?.emptyOutDir === undefined;
  params.updateConfig({
    // Pages are rendered from data already in memory; overlapping their file writes keeps the CPU busy.
    build: { concurrency: astroConfig.build.concurrency > 1 ? astroConfig.build.concurrency : 8 },
    ...(config.incremental ? { experimental: { incrementalBuild: true } } : {}),
    site: astroConfig.site ?? (site.url || undefined),
    base: site.baseurl || undefined,
    vite: {
      plugins: [themeVitePlugin(config, componentOverrides(config.components, root))],
      // Reused pages stay where they are (see output.ts); the site can still ask for an empty folder.
      ...(setup.keepOutput ? { build: { emptyOutDir: false } } : {}),
    },
  });
  for (const route of routes) {
    params.injectRoute({ pattern: route.pattern, entrypoint: join(themeSource, route.entrypoint), prerender: true });
  }
  return setup;
}
