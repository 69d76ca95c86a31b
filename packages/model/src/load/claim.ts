/**
 * Phase: every document, redirect and static file claims the file it is
 * written to. When several claim one file, Jekyll writes them all and the
 * last one written stays: pages first (with jekyll-redirect-from's pages
 * after them), then static files, then posts and collection documents. We
 * keep that winner, drop the others, and warn with every file named, as
 * Jekyll's conflict warning does (which it does not print for redirects;
 * we do, since a redirect silently lost is a broken old link). Then, when
 * any phase found a problem, the load fails with all of them.
 */
import { BlogSourceError } from '../problems.js';
import type { Redirect, StaticFile } from '../types.js';
import { fieldLine } from './source.js';
import type { Entry, LoadState } from './state.js';

type Claimant =
  | { kind: 'entry'; file: string; line: () => number | undefined; entry: Entry }
  | { kind: 'redirect'; file: string; line: () => number | undefined; redirect: Redirect }
  | { kind: 'static'; file: string; line: () => number | undefined; staticFile: StaticFile };

const entryClaimant = (entry: Entry): Claimant => ({
  kind: 'entry',
  file: entry.document.sourcePath,
  line: () => fieldLine(entry.source, 'permalink'),
  entry,
});

/** Everything written, in Jekyll's order of writing (`Site#each_site_file`). */
function claimants(state: LoadState): Claimant[] {
  return [
    ...state.entries.filter((entry) => entry.kind === 'page').map(entryClaimant),
    ...state.redirects.map((redirect): Claimant => ({
      kind: 'redirect',
      file: redirect.sourcePath,
      line: () => undefined,
      redirect,
    })),
    ...state.staticFiles.map((staticFile): Claimant => ({
      kind: 'static',
      file: staticFile.path,
      line: () => undefined,
      staticFile,
    })),
    ...state.entries.filter((entry) => entry.kind === 'post').map(entryClaimant),
    ...state.entries.filter((entry) => entry.kind === 'collection').map(entryClaimant),
  ];
}

const outputOf = (claimant: Claimant): string =>
  claimant.kind === 'entry'
    ? claimant.entry.document.outputPath
    : claimant.kind === 'redirect'
      ? claimant.redirect.outputPath
      : claimant.staticFile.path;

export function claimDestinations(state: LoadState): LoadState {
  const byOutput = new Map<string, Claimant[]>();
  for (const claimant of claimants(state)) {
    const output = outputOf(claimant);
    const list = byOutput.get(output);
    if (list) list.push(claimant);
    else byOutput.set(output, [claimant]);
  }
  const losers = new Set<Entry | Redirect | StaticFile>();
  for (const [output, list] of byOutput) {
    if (list.length < 2) continue;
    const winner = list.at(-1)!;
    // Lines are looked up only here: finding them re-reads the YAML with positions.
    const named = list.map((claimant) => {
      const line = claimant.line();
      return `${claimant.file}${line ? `:${line}` : ''}`;
    });
    state.warnings.push({
      file: winner.file,
      line: winner.line(),
      field: 'permalink',
      message: `\`/${output}\` is written by ${named.slice(0, -1).join(', ')} and ${named.at(-1)}; the last one is kept, as Jekyll writes it last: give the others another \`permalink\``,
    });
    for (const loser of list.slice(0, -1)) {
      losers.add(loser.kind === 'entry' ? loser.entry : loser.kind === 'redirect' ? loser.redirect : loser.staticFile);
    }
  }
  if (losers.size > 0) {
    state.entries = state.entries.filter((entry) => !losers.has(entry));
    state.posts = state.posts.filter((entry) => !losers.has(entry));
    state.redirects = state.redirects.filter((redirect) => !losers.has(redirect));
    state.staticFiles = state.staticFiles.filter((file) => !losers.has(file));
  }
  return state;
}

/** @throws {BlogSourceError} with every problem found, when any is. */
export function reportProblems(state: LoadState): LoadState {
  if (state.problems.length > 0) throw new BlogSourceError(state.problems);
  return state;
}
