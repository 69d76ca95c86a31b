import type { AstroLoggerDestination } from 'astro';
import type { LoggerOptions } from './logger-setting.ts';

/** The theme's log (see logger.js): set it with `logger()` of `@blog/theme`, as Astro's `logger` setting. */
export default function blogLogger(options?: LoggerOptions): AstroLoggerDestination;
