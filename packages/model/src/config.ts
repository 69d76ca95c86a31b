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
