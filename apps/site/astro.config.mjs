// @ts-check
import { defineConfig } from 'astro/config';
import blog, { logger } from '@blog/theme';

// The demo blog lives in ./content, a Jekyll-style folder. `BLOG_SOURCE=<folder> pnpm build`
// builds any existing Jekyll blog instead, unchanged.
const source = process.env.BLOG_SOURCE || './content';

// Code is highlighted by Shiki; BLOG_HIGHLIGHT=prism builds with Prism's grammars, faster and coarser.
const highlight = process.env.BLOG_HIGHLIGHT;
if (highlight !== undefined && highlight !== 'shiki' && highlight !== 'prism') {
  throw new Error(`BLOG_HIGHLIGHT: expected \`shiki\` or \`prism\`, got \`${highlight}\``);
}

export default defineConfig({
  // A build counts its pages, every 500 and for each route, instead of printing a line for each.
  logger: logger(),
  integrations: [
    blog({
      source,
      // Social images (off by default) are shown on the demo's own posts. A Jekyll blog built through
      // BLOG_SOURCE gets what Jekyll makes, which has no such cards; BLOG_SOCIAL_IMAGES=1 adds them.
      socialImages: !process.env.BLOG_SOURCE || process.env.BLOG_SOCIAL_IMAGES === '1',
      markdown: highlight ? { highlight: { engine: highlight } } : {},
    }),
  ],
  server: { host: '127.0.0.1', port: 4321 },
});
