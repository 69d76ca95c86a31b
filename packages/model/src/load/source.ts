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

/** Jekyll's default `markdown_ext`, plus `.mdown`. */
const defaultMarkdownExtensions: ReadonlySet<string> = new Set([
  '.md',
  '.markdown',
  '.mkdown',
  '.mkdn',
  '.mkd',
  '.mdown',
]);

/** The extensions of Markdown files: the site's `markdown_ext` (`md,page`), else Jekyll's default. */
export function markdownExtensionsOf(markdownExt: unknown): ReadonlySet<string> {
  if (typeof markdownExt !== 'string' || markdownExt.trim() === '') return defaultMarkdownExtensions;
  return new Set(markdownExt.split(',').map((ext) => `.${ext.trim().replace(/^\./, '').toLowerCase()}`));
}

/** The format of a source file, from its extension and the site's Markdown extensions. */
export function formatOf(file: string, markdownExtensions = defaultMarkdownExtensions): DocumentFormat {
  const ext = extname(file).toLowerCase();
  if (markdownExtensions.has(ext)) return 'markdown';
  if (ext === '.html' || ext === '.htm') return 'html';
  return 'other';
}

/** The extension a source file is written with: `.html` when rendered, else its own. */
export function outputExtOf(file: string, markdownExtensions = defaultMarkdownExtensions): string {
  return formatOf(file, markdownExtensions) === 'other' ? extname(file) : '.html';
}

/**
 * Reads a source file: front matter (with defaults applied) checked against
 * the schema. Problems go to `state.problems` and give `undefined`.
 */
export function readSource(state: LoadState, file: string, type: SourceType): Source | undefined {
  const text = decodeSource(readFileSync(join(state.root, file)), state.encoding);
  if (text === undefined) {
    // Jekyll logs "could not read file" and goes on without it.
    state.warnings.push({
      file,
      message: `not read: the file is not valid ${state.encoding.toUpperCase()} (the site's \`encoding\`); save it as ${state.encoding.toUpperCase()}, or set \`encoding\` in _config.yml to the one it is written in`,
    });
    return undefined;
  }
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
  return {
    file,
    type,
    frontMatter: parsed.data,
    data,
    yaml: result,
    utcTimestamps: utcTimestampKeys(split.yaml),
    body: split.body,
    bodyLine: split.bodyLine,
  };
}

// YAML 1.1's timestamp with a time and no zone, unquoted (Psych's `ScalarScanner`).
const utcTimestamp =
  /^([A-Za-z_][\w-]*):[ \t]+\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?[ \t]*(?:#.*)?$/gm;

/** The top-level keys of a front matter written as a zone-less timestamp with seconds. */
function utcTimestampKeys(yaml: string): ReadonlySet<string> {
  return new Set(Array.from(yaml.matchAll(utcTimestamp), (match) => match[1]!));
}

/**
 * The text of a source file in the site's `encoding` (a UTF-8 byte-order mark dropped), or
 * `undefined` when its bytes are not valid in it.
 */
export function decodeSource(bytes: Buffer, encoding: string): string | undefined {
  // WHATWG's `iso-8859-1` is Windows-1252; Ruby's is Latin-1, which Node decodes exactly.
  if (/^(iso-?8859-1|latin-?1|l1)$/i.test(encoding)) return bytes.toString('latin1');
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
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
  // Psych reads an unquoted `2024-04-01 23:30:00` as UTC; a quoted one, or one without seconds, is
  // parsed by Jekyll as a wall time in the site's zone.
  const zone = source.utcTimestamps.has(field) && source.data[field] === value ? 'UTC' : state.site.timezone;
  const date = parseSourceDate(value, zone);
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
    format: formatOf(source.file, state.markdownExtensions),
    body: source.body,
    bodyLine: source.bodyLine,
    data: source.data,
  };
}
