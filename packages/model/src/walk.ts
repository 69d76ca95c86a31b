/**
 * Lists a Jekyll site folder the way Jekyll's `EntryFilter` does: names
 * starting with `.`, `_` or `#`, or ending with `~`, are special or hidden;
 * `exclude` and `include` from `_config.yml` adjust that. Underscore folders
 * are returned separately, since each has its own meaning.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Jekyll's default `exclude` list. */
export const defaultExclude = [
  '.sass-cache',
  '.jekyll-cache',
  'gemfiles',
  'Gemfile',
  'Gemfile.lock',
  'node_modules',
  'vendor/bundle/',
  'vendor/cache/',
  'vendor/gems/',
  'vendor/ruby/',
];

function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/\/+$/, '')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '%GLOBSTAR%')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/%GLOBSTAR%/g, '.*');
  return new RegExp(`^${source}(?:/.*)?$`);
}

export interface WalkOptions {
  exclude: readonly string[];
  include: readonly string[];
}

/**
 * Returns the site-relative paths of every regular file that Jekyll would
 * consider, skipping excluded, hidden and special entries, and not entering
 * underscore folders (read those by name), plus every `_posts` folder found.
 */
export function listSiteFiles(root: string, options: WalkOptions): { files: string[]; postFolders: string[] } {
  const exclude = [...defaultExclude, ...options.exclude].map(globToRegExp);
  const include = options.include.map(globToRegExp);
  const files: string[] = [];
  const postFolders: string[] = [];
  const visit = (relative: string): void => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      // `_posts` may sit in any folder; the folders above it become categories.
      if (entry.name === '_posts' && entry.isDirectory()) postFolders.push(path);
      const special = /^[._#]/.test(entry.name) || entry.name.endsWith('~');
      const included = include.some((re) => re.test(path) || re.test(entry.name));
      if (!included && (special || exclude.some((re) => re.test(path)))) continue;
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  visit('');
  return { files: files.sort(), postFolders: postFolders.sort() };
}

/** Every regular file below `folder` (relative to `root`), with site-relative paths; hidden files skipped. */
export function listFolder(root: string, folder: string): string[] {
  const files: string[] = [];
  const visit = (relative: string): void => {
    let entries;
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.endsWith('~')) continue;
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  visit(folder);
  return files.sort();
}
