/**
 * Shiki's JavaScript regex engine, with each regular expression's last
 * search of a line kept once, for every scanner that has it.
 *
 * The TextMate tokenizer asks a scanner, a rule's list of patterns, where
 * the next match of a line is. Shiki's scanner runs each pattern's `RegExp`
 * from that position, and keeps what it found for its next question on the
 * same line, as vscode-oniguruma does. Its engine already makes one `RegExp`
 * per pattern for all the scanners, but each scanner keeps its own searches:
 * a grammar lists the same patterns in many rules (an expression's patterns
 * inside brackets, call arguments, a string's interpolation…), and each of
 * those scanners runs them on the line again. Here the search is kept with
 * the `RegExp`, for all of them: on the benchmark corpus, a quarter fewer
 * runs of a regular expression.
 *
 * A kept search stands for a new one on the terms Shiki's scanner already
 * reuses it on: same line, started at or before the new position, and found
 * nothing or a match at or after it. A search from an earlier position that
 * found its match at `p` finds the same match from any position up to `p`,
 * whichever scanner asks; `RegExp`s whose match depends on where the search
 * starts (sticky ones, and those `oniguruma-to-es` emulates with a search
 * strategy) are run every time, as Shiki runs them. A test compares the
 * tokens with those of Shiki's own engine.
 */
import type { PatternScanner, RegexEngine, RegexEngineString } from 'shiki';
import type { IOnigMatch } from 'shiki/textmate';

/** A `RegExp`'s last search: of which line, from where, and what it found (`index` -1: nothing). */
interface Search {
  line: number;
  from: number;
  index: number;
  indices: RegExpIndicesArray | null | undefined;
}

/** Each `RegExp`'s last search, kept with it. */
const searches = new WeakMap<RegExp, Search>();

/** Whether the `RegExp`'s searches can stand for later ones (Shiki's own rule, `isSearchCacheable`). */
function reusable(regexp: RegExp): boolean {
  return !regexp.sticky && !(regexp as { rawOptions?: { strategy?: unknown } }).rawOptions?.strategy;
}

/** Where a group that took part in no match is, for the tokenizer (as Shiki and vscode-oniguruma say it). */
const nowhere = 4294967295;

/** The match of pattern `index`, as Shiki's scanner gives it. */
function toMatch(index: number, indices: RegExpIndicesArray): IOnigMatch {
  return {
    index,
    captureIndices: indices.map((pair) =>
      pair ? { start: pair[0], end: pair[1], length: pair[1] - pair[0] } : { start: nowhere, end: nowhere, length: 0 },
    ),
  };
}

class SharedSearchScanner implements PatternScanner {
  readonly #regexps: readonly (RegExp | null)[];
  /** The kept search of each `RegExp`, or `null` for one that is run every time (or a pattern left out). */
  readonly #searches: readonly (Search | null)[];
  readonly #forgiving: boolean;

  constructor(regexps: readonly (RegExp | null)[], forgiving: boolean) {
    this.#regexps = regexps;
    this.#forgiving = forgiving;
    this.#searches = regexps.map((regexp) => {
      if (!regexp || !reusable(regexp)) return null;
      let search = searches.get(regexp);
      if (!search) {
        search = { line: 0, from: 0, index: -1, indices: null };
        searches.set(regexp, search);
      }
      return search;
    });
  }

  /** The first match from `start` of any pattern, the first pattern's on a tie (Shiki's `findNextMatchSync`). */
  findNextMatchSync(string: string | RegexEngineString, start: number): IOnigMatch | null {
    const text = typeof string === 'string' ? string : string.content;
    // Shiki's engine strings have an id; a plain string is searched afresh.
    const line = typeof string === 'string' ? 0 : (string as { id?: number }).id || 0;
    let best = -1;
    let bestIndex = 0;
    let bestIndices: RegExpIndicesArray | null | undefined = null;
    for (let pattern = 0; pattern < this.#regexps.length; pattern++) {
      const regexp = this.#regexps[pattern];
      if (!regexp) continue;
      try {
        const search = line ? this.#searches[pattern]! : null;
        let index: number;
        let indices: RegExpIndicesArray | null | undefined;
        if (search && search.line === line && search.from <= start && (search.index === -1 || search.index >= start)) {
          ({ index, indices } = search);
        } else {
          regexp.lastIndex = start;
          const match = regexp.exec(text);
          index = match ? match.index : -1;
          indices = match ? match.indices : null;
          if (search) {
            search.line = line;
            search.from = start;
            search.index = index;
            search.indices = indices;
          }
        }
        if (index === -1) continue;
        if (index === start) return toMatch(pattern, indices!);
        if (best === -1 || index < bestIndex) {
          best = pattern;
          bestIndex = index;
          bestIndices = indices;
        }
      } catch (error) {
        if (this.#forgiving) continue;
        throw error;
      }
    }
    return best === -1 ? null : toMatch(best, bestIndices!);
  }
}

/**
 * `engine` (Shiki's JavaScript engine, made with `forgiving` as given) with its scanners' searches kept
 * with each `RegExp`. A scanner that is not Shiki's JavaScript one is left as it is.
 */
export function sharedSearchEngine(engine: RegexEngine, { forgiving }: { forgiving: boolean }): RegexEngine {
  return {
    createString: engine.createString,
    createScanner(patterns) {
      const scanner = engine.createScanner(patterns) as PatternScanner & { regexps?: (RegExp | null)[] };
      return Array.isArray(scanner.regexps) ? new SharedSearchScanner(scanner.regexps, forgiving) : scanner;
    },
  };
}
