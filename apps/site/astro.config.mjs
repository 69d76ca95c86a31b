// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://blog.example.org',
  build: { format: 'directory' },
  server: { host: '127.0.0.1', port: 4321 },
});
