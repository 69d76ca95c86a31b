import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlogSourceError } from './problems.js';
import { siteConfigSchema, type Site } from './site.js';
import { readYaml } from './yaml.js';
import { zodProblems } from './zod-problems.js';

/**
 * Reads the text of a `_config.yml` into a {@link Site}.
 *
 * @param text YAML source.
 * @param file Path used in error messages; default `_config.yml`.
 * @throws {BlogSourceError} listing every invalid key with its line.
 */
export function parseSiteConfig(text: string, file = '_config.yml'): Site {
  const { result, problems } = readYaml(text, file);
  if (!result) throw new BlogSourceError(problems);
  const parsed = siteConfigSchema.safeParse(result.data, { reportInput: true });
  if (!parsed.success) throw new BlogSourceError(zodProblems(parsed.error, file, result));
  return parsed.data;
}

/** The names Jekyll reads its configuration from, in the order it looks for them. */
const configNames = ['_config.yml', '_config.yaml'] as const;

/** The site configuration file of a Jekyll folder: its name and absolute path, or `undefined` when it has none. */
export function findSiteConfig(root: string): { file: string; path: string } | undefined {
  for (const file of configNames) {
    const path = join(root, file);
    if (existsSync(path)) return { file, path };
  }
  return undefined;
}

/**
 * Reads the configuration of a Jekyll folder (`_config.yml`, else
 * `_config.yaml`); a folder without one has the default {@link Site}.
 *
 * @throws {BlogSourceError} listing every invalid key with its line.
 */
export function readSiteConfig(root: string): Site {
  const found = findSiteConfig(root);
  return parseSiteConfig(found ? readFileSync(found.path, 'utf8') : '', found?.file ?? '_config.yml');
}
