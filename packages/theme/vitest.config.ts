/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import shared from '../../vitest.shared.ts';
import { resolveThemeConfig, themeVitePlugin } from './src/index.ts';

// Components render against the Jekyll fixture of @blog/model, with the theme's defaults.
const config = resolveThemeConfig(
  { source: '../model/test/fixtures/jekyll-site', cacheDir: 'node_modules/.cache/theme-tests', search: true },
  fileURLToPath(new URL('.', import.meta.url)),
);

export default getViteConfig({
  plugins: [themeVitePlugin(config)],
  test: { ...shared.test, testTimeout: 30000 },
});
