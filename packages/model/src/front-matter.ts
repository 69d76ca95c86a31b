/**
 * Splits a source file into its YAML front matter and body, with the same
 * rule as Jekyll: the file starts with `---`, the front matter ends at the
 * next line that is `---` or `...`.
 */

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
