/**
 * What the tests of a fast path compare it on against the reference path:
 * the cases of the test, posts of the benchmark corpus, every fixture and
 * every kramdown document.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledLanguagesInfo } from 'shiki';
import { postBody } from '../bench/corpus.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The Markdown files below `dir` whose names match `pattern`, in a stable order. */
function documents(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return documents(path, pattern);
      return pattern.test(name) ? [readFileSync(path, 'utf8')] : [];
    });
}

export function referenceSources(
  cases: readonly string[],
  { posts = 150, pattern = /\.(?:md|markdown)$/ }: { posts?: number; pattern?: RegExp } = {},
): string[] {
  return [
    ...cases,
    ...Array.from({ length: posts }, (_, n) => postBody(n)),
    ...documents(join(here, 'fixtures'), pattern),
    ...documents(join(here, 'kramdown'), pattern),
  ];
}

/** Shiki's bundled languages by every name they go by. */
const languages = new Map<string, string>();
for (const info of bundledLanguagesInfo) {
  languages.set(info.id, info.id);
  for (const alias of info.aliases ?? []) languages.set(alias, info.id);
}

/** Every fenced block of the sources with a language Shiki bundles, as `[language id, code]`. */
export function fencedBlocks(sources: readonly string[]): [string, string][] {
  const found: [string, string][] = [];
  for (const source of sources) {
    for (const match of source.matchAll(/^(```|~~~)[ \t]*([\w+#-]+)[^\n]*\n([\s\S]*?)\n\1[ \t]*$/gm)) {
      const id = languages.get(match[2]!.toLowerCase());
      if (id) found.push([id, match[3]!]);
    }
  }
  return found;
}
