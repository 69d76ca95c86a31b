// @ts-check
import { defineConfig } from 'astro/config';
import blog from '@blog/theme';

// The demo blog lives in ./content, a Jekyll-style folder. `BLOG_SOURCE=<folder> pnpm build`
// builds any existing Jekyll blog instead, unchanged.
export default defineConfig({
  // Social images are on in the demo (off by default).
  integrations: [blog({ source: process.env.BLOG_SOURCE || './content', socialImages: true })],
  server: { host: '127.0.0.1', port: 4321 },
});
