/**
 * YAML reading with line numbers, for `_config.yml`, `_data/*.yml` and
 * front matter. Values are read with the YAML 1.2 core schema, so dates
 * stay strings and are parsed by `date.ts` the way Jekyll parses them.
 *
 * Two parsers, each for what it does best: js-yaml reads the front matter
 * of thousands of posts (about nine times faster), and `yaml`, which keeps
 * the position of every node, is used when a line number is needed: for a
 * syntax error, or for a field a problem is reported on.
 */
import jsYaml from 'js-yaml';
import { LineCounter, Parser, isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { Problem } from './problems.js';

/** A parsed YAML mapping plus a way to find the line of any key. */
export interface YamlResult {
  data: Record<string, unknown>;
  /** 1-based line of the key at `path` (top-level key when a string). */
  lineOf(path: string | readonly (string | number)[]): number | undefined;
}

// A top-level `key: value` whose plain (unquoted) value holds `: `.
const colonValue = /^([A-Za-z0-9_-]+):[ \t]+([^\s"'[{|>&*!#%@`][^\n]*?:[ \t][^\n]*)$/gm;

function parse(text: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, schema: 'core', uniqueKeys: false });
  return { doc, counter };
}

/**
 * Parses `text` as a YAML mapping. `firstLine` is the line of the file the
 * text starts on, so front-matter problems point at the real line.
 * Returns problems instead of throwing; an empty document is an empty map.
 */
export function readYaml(text: string, file: string, firstLine = 1): { result?: YamlResult; problems: Problem[] } {
  const data = readFast(text);
  if (!data) return readWithPositions(text, file, firstLine);
  let positions: YamlResult | undefined;
  const lineOf = (path: string | readonly (string | number)[]): number | undefined =>
    (positions ??= readWithPositions(text, file, firstLine).result)?.lineOf(path);
  return { result: { data, lineOf }, problems: [] };
}

/** js-yaml's reading of a mapping, or `undefined` when it fails or is not a mapping (the slow path reports why). */
function readFast(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    // `json: true`: a repeated key keeps its last value, as Psych does.
    value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true });
  } catch {
    return undefined;
  }
  if (value === undefined || value === null) return {};
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The offset of the quoted scalar a "missing closing quote" error is about: where its quote opens.
 * The parser reports the error where the text ends, lines after the mistake.
 */
function unclosedQuoteStart(text: string, before: number): number | undefined {
  let start: number | undefined;
  const visit = (token: unknown): void => {
    if (Array.isArray(token)) return token.forEach(visit);
    if (typeof token !== 'object' || token === null) return;
    const { type, offset, source } = token as { type?: string; offset?: number; source?: string };
    if (
      (type === 'double-quoted-scalar' || type === 'single-quoted-scalar') &&
      offset !== undefined &&
      offset < before
    ) {
      const closed = type === 'double-quoted-scalar' ? /^"(?:[^"\\]|\\.)*"$/s : /^'(?:[^']|'')*'$/s;
      if (!closed.test(source ?? '') && (start === undefined || offset > start)) start = offset;
    }
    for (const value of Object.values(token)) if (typeof value === 'object') visit(value);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return start;
}

/**
 * The first error of a document, where it is. Later errors are mostly consequences of the first (a
 * line the parser could not place makes the next ones wrong too): one problem, at the line of the mistake.
 */
function firstError(doc: Document, text: string): { offset: number; message: string } | undefined {
  const [error] = doc.errors;
  if (!error) return undefined;
  const quote = error.code === 'MISSING_CHAR' && /quote/.test(error.message);
  const offset = (quote ? unclosedQuoteStart(text, error.pos[0]) : undefined) ?? error.pos[0];
  return { offset, message: `invalid YAML: ${error.message.split('\n')[0]}` };
}

/** The `yaml` path: slower, but knows where every key and error is. */
function readWithPositions(
  text: string,
  file: string,
  firstLine: number,
): { result?: YamlResult; problems: Problem[] } {
  let { doc, counter } = parse(text);
  if (doc.errors.length > 0 && colonValue.test(text)) {
    // Blogs write `title: Debian: the universal OS`. Psych rejects it; we read
    // the string it was meant to be. Quoting keeps every line where it was.
    const retry = parse(
      text.replace(colonValue, (_, key: string, value: string) => `${key}: ${JSON.stringify(value.trimEnd())}`),
    );
    if (retry.doc.errors.length === 0) ({ doc, counter } = retry);
  }
  colonValue.lastIndex = 0;
  const lineAt = (offset: number): number => counter.linePos(offset).line + firstLine - 1;
  const error = firstError(doc, text);
  if (error) return { problems: [{ file, line: lineAt(error.offset), message: error.message }] };
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    return {
      problems: [{ file, line: firstLine, message: 'expected YAML `key: value` lines, got a single value or a list' }],
    };
  }
  const data = (doc.toJS({ maxAliasCount: 1000 }) ?? {}) as Record<string, unknown>;
  const lineOf = (path: string | readonly (string | number)[]): number | undefined => {
    const keys = typeof path === 'string' ? [path] : path;
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (const key of keys) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        offset = (pair.key as { range?: [number, number, number] }).range?.[0];
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as { range?: [number, number, number] } | undefined;
        if (!item) break;
        offset = item.range?.[0];
        node = item;
      } else break;
    }
    return offset === undefined ? undefined : lineAt(offset);
  };
  return { result: { data, lineOf }, problems: [] };
}

/** Parses YAML of any shape (a `_data` file may be a list); problems name the line. */
export function readYamlValue(text: string, file: string): { value?: unknown; problems: Problem[] } {
  const { doc, counter } = parse(text);
  const error = firstError(doc, text);
  if (error) return { problems: [{ file, line: counter.linePos(error.offset).line, message: error.message }] };
  return { value: doc.toJS({ maxAliasCount: 1000 }) ?? null, problems: [] };
}
