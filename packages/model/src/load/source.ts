/**
 * What every reading phase shares: reading a source file into a checked
 * {@link Source}, its dates, and the fields every document has.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseSourceDate, type SourceDate } from '../date.js';
import { splitFrontMatter } from '../front-matter.js';
import { outputPath } from '../permalink.js';
import { frontMatterSchema } from '../schema.js';
import type { Document, DocumentFormat } from '../types.js';
import { readYaml } from '../yaml.js';
import { zodProblems } from '../zod-problems.js';
import { applyDefaults } from './defaults.js';
import type { LoadState, Source, SourceType } from './state.js';

const markdownExtensions = new Set(['.md', '.markdown', '.mkdown', '.mkdn', '.mkd', '.mdown']);

/** The format of a source file, from its extension. */
export function formatOf(file: string): DocumentFormat {
  const ext = extname(file).toLowerCase();
  if (markdownExtensions.has(ext)) return 'markdown';
  if (ext === '.html' || ext === '.htm') return 'html';
  return 'other';
}

/** The extension a source file is written with: `.html` when rendered, else its own. */
export function outputExtOf(file: string): string {
  return formatOf(file) === 'other' ? extname(file) : '.html';
}

/**
 * Reads a source file: front matter (with defaults applied) checked against
 * the schema. Problems go to `state.problems` and give `undefined`.
 */
export function readSource(state: LoadState, file: string, type: SourceType): Source | undefined {
  const text = readFileSync(join(state.root, file), 'utf8');
  const split = splitFrontMatter(text);
  const { result, problems } = readYaml(split.yaml, file, split.yamlLine);
  if (!result) {
    state.problems.push(...problems);
    return undefined;
  }
  const data = applyDefaults(state, file, type, result.data);
  const parsed = frontMatterSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    state.problems.push(...zodProblems(parsed.error, file, result, split.yamlLine));
    return undefined;
  }
  return { file, type, frontMatter: parsed.data, data, yaml: result, body: split.body, bodyLine: split.bodyLine };
}

/** The line of a front-matter field, when the source has it. */
export function fieldLine(source: Source, field: string): number | undefined {
  return source.yaml?.lineOf(field);
}

/**
 * A date field of the front matter: `undefined` when absent, `null` when
 * invalid (the problem is recorded).
 */
export function readDate(
  state: LoadState,
  source: Source,
  field: 'date' | 'last_modified_at' | 'updated' | 'modified',
): SourceDate | null | undefined {
  const value = source.frontMatter[field];
  if (value === undefined) return undefined;
  if (value instanceof Date) return { date: value, offset: 0 };
  const date = parseSourceDate(value, state.site.timezone);
  if (!date) {
    state.problems.push({
      file: source.file,
      line: fieldLine(source, field),
      field,
      message: `expected a date like \`2023-12-14 17:00 +0200\`, \`2023-12-14 17:00\` or \`2023-12-14\`, got \`${value}\``,
    });
  }
  return date ?? null;
}

/** The absolute URL of a site path. */
export function absoluteUrl(state: LoadState, permalink: string): string {
  return `${state.site.url}${state.site.baseurl}${permalink}`;
}

/** The fields every document has, from its source and its permalink. */
export function documentOf(
  state: LoadState,
  source: Source,
  fields: { collection: string; slug: string; title: string; permalink: string; outputExt: string },
): Document {
  return {
    collection: fields.collection,
    sourcePath: source.file,
    slug: fields.slug,
    title: fields.title,
    permalink: fields.permalink,
    url: absoluteUrl(state, fields.permalink),
    outputPath: outputPath(fields.permalink, fields.outputExt),
    format: formatOf(source.file),
    body: source.body,
    bodyLine: source.bodyLine,
    data: source.data,
  };
}
