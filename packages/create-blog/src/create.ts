/**
 * Writes a new blog into a folder: the files of template.ts, with the
 * version ranges this package was published with.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { templateFiles, type TemplateOptions } from './template.js';

/** Options of {@link createBlog}. */
export interface Options {
  /** The blog's title; default: the folder's name. */
  title?: string | undefined;
  /** The address the blog will be published at; default `https://blog.example.com` (change it before publishing). */
  url?: string | undefined;
  /** The date of the first post, `YYYY-MM-DD`; default: today (UTC). */
  date?: string | undefined;
}

/** Thrown when the blog cannot be written (a folder that is not empty, a bad option). */
export class CreateBlogError extends Error {
  override name = 'CreateBlogError';
}

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  devDependencies: Record<string, string>;
};

/**
 * The range of a package the new blog depends on: the one this package was published with (its
 * development dependency). In the workspace, where it is `workspace:^`, the package's own version.
 */
function versionRange(name: '@blog/theme' | 'astro' | 'sharp'): string {
  const range = packageJson.devDependencies[name];
  if (!range) throw new CreateBlogError(`no version of ${name} in @blog/create-blog's package.json`);
  if (!range.startsWith('workspace:')) return range;
  const manifest = JSON.parse(readFileSync(new URL(import.meta.resolve(`${name}/package.json`)), 'utf8')) as {
    version: string;
  };
  return `^${manifest.version}`;
}

/** A package name from a folder name: lower case, npm's allowed characters. */
function packageName(folder: string): string {
  return (
    basename(folder)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[._-]+|-+$/g, '') || 'my-blog'
  );
}

/**
 * Writes a new blog into `folder` (created if missing).
 *
 * @param folder where to write it; must be missing or empty
 * @param options see {@link Options}
 * @returns the paths written, relative to `folder`
 * @throws CreateBlogError when `folder` has files, or `date` is not `YYYY-MM-DD`
 */
export function createBlog(folder: string, options: Options = {}): string[] {
  const target = resolve(folder);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new CreateBlogError(`${folder} is not empty: choose a new folder for the blog`);
  }
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new CreateBlogError(`\`date\`: expected a date like \`2024-05-01\`, got \`${date}\``);
  }
  const template: TemplateOptions = {
    name: packageName(target),
    title: options.title ?? basename(target),
    url: options.url ?? 'https://blog.example.com',
    date,
    versions: {
      '@blog/theme': versionRange('@blog/theme'),
      astro: versionRange('astro'),
      sharp: versionRange('sharp'),
    },
  };
  const files = templateFiles(template);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), content);
  }
  return Object.keys(files);
}
