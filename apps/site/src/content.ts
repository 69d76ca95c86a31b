import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSiteConfig } from '@blog/model';

/** The Jekyll-style folder the site is built from: `BLOG_SOURCE`, else the demo content (paths relative to apps/site). */
export const sourceDir = resolve(process.env.BLOG_SOURCE ?? 'content');

export const site = parseSiteConfig(readFileSync(resolve(sourceDir, '_config.yml'), 'utf8'));
