/**
 * The files of a new blog: an Astro project whose blog is a Jekyll-style
 * folder (`blog/`), with the theme, one post, an about page and a
 * stylesheet of the site's own, wired through `customCss`.
 */

/** What a new blog is made from. */
export interface TemplateOptions {
  /** The package name of the project (its folder's name). */
  name: string;
  /** The blog's title, in `_config.yml`. */
  title: string;
  /** The address the blog will be published at, in `_config.yml`. */
  url: string;
  /** The date of the first post, `YYYY-MM-DD`. */
  date: string;
  /** Version ranges of the packages the project depends on. */
  versions: { '@blog/theme': string; astro: string; sharp: string };
}

const yamlString = (value: string) => JSON.stringify(value);

/** Every file of the project, by path relative to its folder. */
export function templateFiles(options: TemplateOptions): Record<string, string> {
  const { name, title, url, date, versions } = options;
  const packageJson = {
    name,
    private: true,
    type: 'module',
    scripts: { dev: 'astro dev', build: 'astro build', preview: 'astro preview' },
    dependencies: { '@blog/theme': versions['@blog/theme'], astro: versions.astro, sharp: versions.sharp },
    // pnpm 10 runs the install scripts of listed packages only: Astro's bundler and the image library need theirs.
    pnpm: { onlyBuiltDependencies: ['esbuild', 'sharp'] },
  };
  return {
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'astro.config.mjs': `// @ts-check
import { defineConfig } from 'astro/config';
import blog, { logger } from '@blog/theme';

export default defineConfig({
  // A build counts the pages it writes instead of printing a line for each.
  logger: logger(),
  integrations: [
    blog({
      // The blog itself: a Jekyll-style folder (_config.yml, _posts/, pages, assets/).
      source: './blog',
      // Your stylesheets, loaded after the theme's: set its --blog-* custom properties there.
      customCss: ['./src/styles/custom.css'],
    }),
  ],
});
`,
    'blog/_config.yml': `title: ${yamlString(title)}
description: A new blog, made with @blog/theme.
# The address the blog is published at: feeds, the sitemap and canonical links use it.
url: ${yamlString(url)}
author:
  name: Your Name
paginate: 10
`,
    [`blog/_posts/${date}-welcome.md`]: `---
title: Welcome
tags: [meta]
---
This is the first post of the blog. Posts live in \`blog/_posts/\`, one
Markdown file each, named \`YYYY-MM-DD-title.md\`, with a front matter block
on top: the same layout as a Jekyll blog.

<!--more-->

Run \`npm run dev\` (or \`pnpm dev\`) and edit this file: the page reloads as
you save. Code blocks are highlighted:

\`\`\`js
export const greeting = 'hello';
\`\`\`

The look comes from the theme; change its colours in
\`src/styles/custom.css\`.
`,
    'blog/about.md': `---
title: About
permalink: /about/
---
Write here who you are and what the blog is about. This page is
\`blog/about.md\`; every Markdown or HTML file with front matter in \`blog/\`
becomes a page.
`,
    'src/styles/custom.css': `/*
 * The site's own styles, loaded after the theme's (the customCss option in
 * astro.config.mjs): a plain :root rule sets the theme's custom properties.
 */
:root {
  --blog-color-accent: #7c3aed;
}

@media (prefers-color-scheme: dark) {
  :root {
    --blog-color-accent: #c4b5fd;
  }
}
`,
    '.gitignore': `node_modules/
dist/
.astro/
`,
    'README.md': `# ${title}

A blog made with [@blog/theme](https://www.npmjs.com/package/@blog/theme) and Astro.

| command         | what it does                                  |
| --------------- | --------------------------------------------- |
| \`npm install\`   | installs the dependencies                     |
| \`npm run dev\`   | serves the blog at http://localhost:4321/     |
| \`npm run build\` | writes the site to \`dist/\`                    |

Posts are in \`blog/_posts/\`, pages in \`blog/\`, settings in
\`blog/_config.yml\` (set \`url\` to the address the blog is published at),
styles in \`src/styles/custom.css\`.
`,
  };
}
