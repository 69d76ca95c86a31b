/**
 * The Vite plugin behind the theme's virtual modules: its resolved options
 * (`virtual:@blog/theme/config`) and its replaceable components
 * (`virtual:@blog/theme/components/<Name>`, the site's own when it gives one),
 * and the site's stylesheets (`virtual:@blog/theme/custom-css`, imported by
 * the layout after the theme's own, so the site's rules come later in the
 * cascade and win over the theme's at equal specificity).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RouteConfig } from '../user-config.js';

/** The theme's `src/` folder. */
export const themeSource = fileURLToPath(new URL('../', import.meta.url));

const configModule = 'virtual:@blog/theme/config';
const customCssModule = 'virtual:@blog/theme/custom-css';
const componentPrefix = 'virtual:@blog/theme/components/';
const contentPackages = ['@blog/model', '@blog/markdown', '@blog/feed'];

/**
 * The plugin; exported for tests that render the theme's components outside a site.
 *
 * @param config the resolved options (see `resolveThemeConfig`), read when the routes first load it
 * @param overrides the site's components, by name: absolute paths
 */
export function themeVitePlugin(config: RouteConfig, overrides: ReadonlyMap<string, string> = new Map()) {
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
      if (id === customCssModule) return `\0${customCssModule}`;
      if (id.startsWith(componentPrefix)) {
        const name = id.slice(componentPrefix.length);
        return overrides.get(name) ?? join(themeSource, 'components', `${name}.astro`);
      }
      return undefined;
    },
    load(id: string) {
      if (id === `\0${configModule}`) return `export default ${JSON.stringify(config)};`;
      if (id === `\0${customCssModule}`)
        return config.customCss.map((file) => `import ${JSON.stringify(file)};`).join('\n');
      return undefined;
    },
  };
}
