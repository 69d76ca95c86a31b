/**
 * Build-time syntax highlighting with Shiki, the default engine of
 * `rehype-highlight.ts`. One highlighter per theme choice is created for the
 * whole process, with Shiki's JavaScript regex engine (no WebAssembly to
 * start, and faster on the grammars blogs use; see shiki-scanner.ts for how
 * its searches are shared); languages are loaded the first time a post uses
 * them, their patterns translated the first time a build needs them (see
 * shiki-regexes.ts). The cost is paid once, never per post.
 *
 * Shiki's per-line time limit (500 ms by default, which a busy machine or a
 * grammar's first, compiling line can reach) is turned off, so the output
 * never depends on the clock.
 */
import {
  bundledLanguagesInfo,
  createCssVariablesTheme,
  createHighlighter,
  createJavaScriptRegexEngine,
  type BundledLanguage,
  type CodeToTokensOptions,
  type Highlighter,
  type LanguageRegistration,
} from 'shiki';
import { nftGrammar } from './grammars/nft.js';
import type { ShikiThemes as Themes } from './options.js';
import type { HighlightEngine } from './rehype-highlight.js';
import { codeToPre, lineByLine } from './shiki-hast.js';
import { patternToRegExp } from './shiki-regexes.js';
import { sharedSearchEngine } from './shiki-scanner.js';

const highlighters = new Map<string, Promise<Highlighter>>();
const engines = new Map<string, Promise<HighlightEngine>>();

/** Languages we add to Shiki's, by every name they go by. */
const extraLanguages = new Map<string, LanguageRegistration>();
for (const grammar of [nftGrammar]) {
  for (const name of [grammar.name, ...(grammar.aliases ?? [])]) extraLanguages.set(name, grammar);
}

const knownLanguages = new Map<string, string>();
for (const info of bundledLanguagesInfo) {
  knownLanguages.set(info.id, info.id);
  for (const alias of info.aliases ?? []) knownLanguages.set(alias, info.id);
}
for (const [name, grammar] of extraLanguages) knownLanguages.set(name, grammar.name);

const cssVariablesTheme = createCssVariablesTheme({
  name: 'css-variables',
  variablePrefix: '--shiki-',
  fontStyle: true,
});

/** The Shiki highlighter for a theme choice, created once per process. */
export function getHighlighter(themes: Themes): Promise<Highlighter> {
  const key = JSON.stringify(themes);
  let highlighter = highlighters.get(key);
  if (!highlighter) {
    highlighter = createHighlighter({
      themes: themes === 'css-variables' ? [cssVariablesTheme] : [themes.light, themes.dark],
      langs: [],
      // Each pattern translated once per build, not once per thread (see shiki-regexes.ts), and its
      // searches of a line shared by every rule that has it (see shiki-scanner.ts).
      engine: sharedSearchEngine(createJavaScriptRegexEngine({ forgiving: true, regexConstructor: patternToRegExp }), {
        forgiving: true,
      }),
    });
    highlighters.set(key, highlighter);
  }
  return highlighter;
}

/** Shiki's options for a block in language `lang`: no time limit, so the output never depends on the clock. */
export function tokenOptions(themes: Themes, lang: string): CodeToTokensOptions {
  return themes === 'css-variables'
    ? { lang, theme: 'css-variables', tokenizeTimeLimit: 0 }
    : { lang, themes, defaultColor: 'light', tokenizeTimeLimit: 0 };
}

/** The Shiki engine for a theme choice, made once per process (see rehype-highlight.ts). */
export function shikiEngine(themes: Themes): Promise<HighlightEngine> {
  const key = JSON.stringify(themes);
  let engine = engines.get(key);
  if (!engine) {
    engine = getHighlighter(themes).then((highlighter) => ({
      async language(name) {
        const id = knownLanguages.get(name);
        if (id && !highlighter.getLoadedLanguages().includes(id)) {
          await highlighter.loadLanguage(extraLanguages.get(id) ?? (id as BundledLanguage));
        }
        return id;
      },
      highlight: (text, language) => codeToPre(highlighter, text, tokenOptions(themes, language)),
      // With one theme, lines are kept for the process (shiki-hast.ts); with two, made for one block.
      sharedChildren: (language) => lineByLine(tokenOptions(themes, language)),
    }));
    engines.set(key, engine);
  }
  return engine;
}
