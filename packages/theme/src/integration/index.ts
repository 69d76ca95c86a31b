/**
 * The `blog()` integration: its hooks hand Astro's setup to setup.ts, the
 * dev server to dev-server.ts and the end of a build to build-output.ts.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadBlog } from '@blog/model';
import { linkBack, type HtmlFile } from '../html-files.js';
import { prepareBlog } from '../prepare.js';
import { indexSearch } from '../search-index.js';
import { currentBuild, phaseSummary, setBuild, type Build } from '../shared.js';
import type { RouteConfig, ThemeOptions } from '../user-config.js';
import { finishBuild, reportedFiles } from './build-output.js';
import { serveBlog } from './dev-server.js';
import { setupTheme } from './setup.js';

/**
 * The blog theme.
 *
 * @param options See {@link ThemeOptions}; every option has a default.
 * @throws Error (in `astro:config:setup`) listing every wrong option
 */
export default function blog(options: ThemeOptions = {}): AstroIntegration {
  let config: RouteConfig;
  let devUrl = false;
  let keepOutput = false;
  let started = 0;
  let outDir = '';
  let linked: HtmlFile[] = [];
  let prerenderDir = '';
  // A failed build exits without `astro:build:done`: its `.prerender/` bundle goes with the process.
  const removePrerender = () => {
    if (prerenderDir) rmSync(prerenderDir, { recursive: true, force: true });
  };
  return {
    name: '@blog/theme',
    hooks: {
      'astro:config:setup': (params) => {
        ({ config, devUrl, keepOutput } = setupTheme(options, params));
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
        // `performance.now()` counts from the process's start: what came before the build is Astro's start-up.
        const build: Build = {
          started: performance.now(),
          phases: new Map([['start-up', performance.now() / 1000]]),
          indexSearch: (language, parts) => {
            if (!config.search) return;
            build.search = indexSearch(outDir, config.cacheDir, language, parts);
            // A failure is reported where the build waits for it, when it is done.
            build.search.catch(() => undefined);
          },
        };
        setBuild(build);
        // The posts are rendered on the worker threads while Astro bundles the site; the routes take them.
        build.prepared = prepareBlog(config);
        // A failure is reported where the routes wait for it.
        build.prepared.catch(() => undefined);
      },

      'astro:build:done': async ({ dir, assets, logger }) => {
        process.off('exit', removePrerender);
        const out = fileURLToPath(dir);
        const build = currentBuild();
        if (build?.dataReady) build.phases.set('pages', (performance.now() - build.dataReady) / 1000);
        try {
          await finishBuild({
            config,
            out,
            started,
            blog:
              build?.blog ??
              (await loadBlog(config.source, {
                drafts: config.drafts,
                future: config.future,
                gitDates: config.gitDates,
              })),
            linked,
            kept: reportedFiles(out, assets),
            search: build?.search,
            logger,
          });
        } finally {
          setBuild(undefined);
        }
        if (build) logger.info(phaseSummary(build.phases));
      },
    },
  };
}
