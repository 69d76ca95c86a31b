import type { AstroLoggerLevel } from 'astro';

/** Options of the theme's log (`logger.js`). */
export interface LoggerOptions {
  /** The least level printed; default `info`. */
  level?: AstroLoggerLevel;
  /** Pages between two progress lines of a build; default 500. */
  every?: number;
}

/**
 * Astro's `logger` setting (Astro 7) for the theme's log: a build's pages are counted, every `every` pages
 * and for each route, instead of a line each; everything else is Astro's console log.
 *
 * ```js
 * export default defineConfig({ logger: logger(), integrations: [blog({ source: './blog' })] });
 * ```
 */
export function logger(options: LoggerOptions = {}): { entrypoint: URL; config: Record<string, unknown> } {
  return { entrypoint: new URL('./logger.js', import.meta.url), config: { ...options } };
}
