/**
 * Jekyll's front matter rule, in one place: a file has front matter when it
 * starts with `---` (after an optional UTF-8 byte-order mark); the front
 * matter ends at the next line that is `---` or `...`. Only such files are
 * rendered; the others are copied as they are.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface SplitSource {
  /** Whether the file had front matter (Jekyll only processes such files). */
  hasFrontMatter: boolean;
  /** YAML text between the fences. */
  yaml: string;
  /** 1-based line of the first YAML line. */
  yamlLine: number;
  /** Everything after the closing fence. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

const frontMatterRe = /^---[ \t]*\r?\n([\s\S]*?)(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Whether bytes (a file's first ones are enough) start with front matter: `---`, after an optional byte-order mark. */
export function startsWithFrontMatter(head: Uint8Array): boolean {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 6)).toString('latin1');
  return text.startsWith('---') || text.startsWith('\u00ef\u00bb\u00bf---');
}

/** Whether the file at `path` starts with front matter; only its first bytes are read, never a whole image. */
export function hasFrontMatter(path: string): boolean {
  const head = Buffer.alloc(6);
  const fd = openSync(path, 'r');
  try {
    return startsWithFrontMatter(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
  } finally {
    closeSync(fd);
  }
}

/** Splits a source text into its YAML front matter and body (see {@link startsWithFrontMatter}). */
export function splitFrontMatter(text: string): SplitSource {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const match = source.startsWith('---') ? frontMatterRe.exec(source) : null;
  if (!match || match.index !== 0) {
    return { hasFrontMatter: false, yaml: '', yamlLine: 1, body: source, bodyLine: 1 };
  }
  const yaml = match[1] ?? '';
  const consumed = match[0];
  const bodyLine = consumed.split('\n').length + (consumed.endsWith('\n') ? 0 : 1);
  return { hasFrontMatter: true, yaml, yamlLine: 2, body: source.slice(consumed.length), bodyLine };
}
