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
 *
 * With `logger: logger()` too (Astro 7), a build counts its pages instead of listing them:
 *
 * ```js
 * import blog, { logger } from '@blog/theme';
 * export default defineConfig({ logger: logger(), integrations: [blog({ source: './blog' })] });
 * ```
 */
export { default } from './integration/index.js';
export { themeVitePlugin } from './integration/vite-plugin.js';
export { format } from './format.js';
export { logger, type LoggerOptions } from './logger-setting.js';
export {
  ThemeConfigSchema,
  componentNames,
  defaultStrings,
  resolveThemeConfig,
  type ComponentName,
  type ResolvedThemeConfig,
  type Strings,
  type ThemeOptions,
} from './user-config.js';
export type * from './props.js';
