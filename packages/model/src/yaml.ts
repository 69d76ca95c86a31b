/**
 * YAML reading with line numbers, for `_config.yml`, `_data/*.yml` and
 * front matter. Values are read with the YAML 1.2 core schema, so dates
 * stay strings and are parsed by `date.ts` the way Jekyll parses them.
 */
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import type { Problem } from './problems.js';

/** A parsed YAML mapping plus a way to find the line of any key. */
export interface YamlResult {
  data: Record<string, unknown>;
  /** 1-based line of the key at `path` (top-level key when a string). */
  lineOf(path: string | readonly (string | number)[]): number | undefined;
}

/**
 * Parses `text` as a YAML mapping. `firstLine` is the line of the file the
 * text starts on, so front-matter problems point at the real line.
 * Returns problems instead of throwing; an empty document is an empty map.
 */
export function readYaml(text: string, file: string, firstLine = 1): { result?: YamlResult; problems: Problem[] } {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, {
    lineCounter: counter,
    prettyErrors: false,
    schema: 'core',
    uniqueKeys: false,
  });
  const problems: Problem[] = doc.errors.map((error) => ({
    file,
    line: counter.linePos(error.pos[0]).line + firstLine - 1,
    message: `invalid YAML: ${error.message.split('\n')[0]}`,
  }));
  if (problems.length > 0) return { problems };
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    return {
      problems: [
        {
          file,
          line: firstLine,
          message: `expected a YAML mapping of \`key: value\` lines, got a ${typeof doc.toJS()}`,
        },
      ],
    };
  }
  const data = (doc.toJS({ maxAliasCount: 1000 }) ?? {}) as Record<string, unknown>;
  const lineOf = (path: string | readonly (string | number)[]): number | undefined => {
    const keys = typeof path === 'string' ? [path] : path;
    // Point at the key itself; for a value inside a list, at the item.
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (const key of keys) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        offset = (pair.key as { range?: [number, number, number] }).range?.[0];
        node = pair.value;
      } else if (node && typeof node === 'object' && 'items' in node && typeof key === 'number') {
        const item = (node as { items: { range?: [number, number, number] }[] }).items[key];
        if (!item) break;
        offset = item.range?.[0];
        node = item;
      } else break;
    }
    return offset === undefined ? undefined : counter.linePos(offset).line + firstLine - 1;
  };
  return { result: { data, lineOf }, problems: [] };
}
