/**
 * The differential comparison with kramdown: renders every corpus document
 * with our default pipeline and compares its reader-visible view with the
 * one of the HTML Jekyll 4.3's kramdown made of it (recorded by
 * `pnpm oracle` in `expected/`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { render, type Options } from '@blog/markdown';
import { normalise } from './normalise.ts';

const root = new URL('./', import.meta.url);

/** A corpus document: its name (`<class>-<construct>`), class and Markdown. */
export interface CorpusDocument {
  name: string;
  construct: string;
  source: string;
  expected: string;
}

export function corpus(): CorpusDocument[] {
  return readdirSync(new URL('corpus/', root))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -3);
      return {
        name,
        construct: name.split('-')[0]!,
        source: readFileSync(new URL(`corpus/${file}`, root), 'utf8'),
        expected: readFileSync(new URL(`expected/${name}.html`, root), 'utf8'),
      };
    });
}

/** A document known to differ: why, and whether the `kramdownExact` option makes it match. */
export interface KnownDifference {
  reason: string;
  kramdownExact: boolean;
}

/** The documents known to differ, by name. */
export function knownDifferences(): Record<string, KnownDifference> {
  return JSON.parse(readFileSync(new URL('known-differences.json', root), 'utf8')) as Record<string, KnownDifference>;
}

export interface Comparison {
  document: CorpusDocument;
  ours: string[];
  theirs: string[];
  identical: boolean;
}

export async function compare(document: CorpusDocument, options: Options = {}): Promise<Comparison> {
  const { html } = await render(document.source, { ...options, file: `${document.name}.md` });
  const ours = normalise(html);
  const theirs = normalise(document.expected);
  return { document, ours, theirs, identical: JSON.stringify(ours) === JSON.stringify(theirs) };
}

/** `kramdown parity: N/M documents identical`, then one line per construct class. */
export function report(results: readonly Comparison[]): string {
  const identical = results.filter((result) => result.identical).length;
  const classes = new Map<string, { identical: number; total: number }>();
  for (const result of results) {
    const entry = classes.get(result.document.construct) ?? { identical: 0, total: 0 };
    entry.total++;
    if (result.identical) entry.identical++;
    classes.set(result.document.construct, entry);
  }
  const lines = [`kramdown parity: ${identical}/${results.length} documents identical`];
  for (const [name, entry] of [...classes].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${name.padEnd(8)} ${entry.identical}/${entry.total}`);
  }
  return lines.join('\n');
}
