/**
 * Build-time syntax highlighting with Shiki. One highlighter per theme
 * choice is created for the whole process, with Shiki's JavaScript regex
 * engine (no WebAssembly to start, and faster on the grammars blogs use;
 * see shiki-scanner.ts for how its searches are shared);
 * languages are loaded the first time a post uses them, their patterns
 * translated the first time a build needs them (see shiki-regexes.ts). The
 * cost is paid once, never per post.
 *
 * Code keeps kramdown's wrapper, `div.language-x.highlighter-rouge >
 * div.highlight > pre.highlight > code.language-x`, so old stylesheets and
 * readers see the structure they know. An unknown language is left as plain
 * code, with a message that names it. Feeds are not highlighted (see
 * `rehype-feed-content.ts`).
 *
 * The output depends on the code alone, never on the clock: Shiki's per-line
 * time limit (500 ms by default, which a busy machine or a grammar's first,
 * compiling line can reach) is turned off. The one fallback is decided by
 * length: a block with a line of 2,000 characters or more (minified code, a
 * data dump; a long string literal costs time that grows with the square of
 * its length) is left as plain code, with a message.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
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
import type { VFile } from 'vfile';
import { nftGrammar } from './grammars/nft.js';
import { highlightedCode } from './highlighted-html.js';
import { codeToPre, lineByLine } from './shiki-hast.js';
import { patternToRegExp } from './shiki-regexes.js';
import { sharedSearchEngine } from './shiki-scanner.js';
import type { ResolvedOptions } from './options.js';
import { walk } from './walk.js';

type Themes = Exclude<ResolvedOptions['highlight'], false>['themes'];

const highlighters = new Map<string, Promise<Highlighter>>();

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

/** Lines this long or longer are not tokenized: their block is shown as plain code. */
const maxLineLength = 2_000;

/** Names that mean "no highlighting". */
const plainLanguages = new Set(['text', 'txt', 'plain', 'plaintext', 'none', 'output']);

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

/** Recently highlighted blocks: a post's excerpt repeats its first blocks. */
const recent = new Map<string, Element>();
const recentLimit = 256;

function languageOf(code: Element): string | undefined {
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : [];
  const found = list.find((name) => name.startsWith('language-'));
  return found?.slice('language-'.length);
}

/**
 * The code element of a block, noted for `stringifyHighlighted` when its lines are kept ones (one theme):
 * their HTML is written once. Lines made for one block only (two themes) are written with the rest of the post.
 */
function highlightedCodeElement(code: Element, keptLines: boolean): Element {
  if (keptLines) highlightedCode.add(code);
  return code;
}

export default function rehypeShiki(options: { themes: Themes }) {
  const { themes } = options;
  return async (tree: Root, file: VFile): Promise<void> => {
    const blocks: { pre: Element; code: Element; language: string; index: number; parent: Root | Element }[] = [];
    walk<Element>(tree, (node, index, parent) => {
      if (node.type !== 'element' || node.tagName !== 'pre') return undefined;
      const code = node.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'code',
      );
      const language = code && languageOf(code);
      if (code && language) blocks.push({ pre: node, code, language, index, parent: parent as Root | Element });
      return false;
    });
    if (blocks.length === 0) return;

    const highlighter = await getHighlighter(themes);
    for (const block of blocks) {
      const id = knownLanguages.get(block.language.toLowerCase());
      if (id && !highlighter.getLoadedLanguages().includes(id)) {
        await highlighter.loadLanguage(extraLanguages.get(id) ?? (id as BundledLanguage));
      }
    }

    for (const { pre, code, language, index, parent } of blocks) {
      const lower = language.toLowerCase();
      const id = knownLanguages.get(lower);
      if (!id) {
        if (!plainLanguages.has(lower)) {
          file.message(`Unknown language \`${language}\` in a code block; it is shown as plain code`, pre.position);
        }
        continue;
      }
      const text = toString(code).replace(/\n$/, '');
      const lines = text.split('\n');
      const long = lines.findIndex((line) => line.length >= maxLineLength);
      if (long !== -1) {
        file.message(
          `Line ${long + 1} of this \`${language}\` code block is ${lines[long]!.length} characters long ` +
            `(${maxLineLength} or more): the block is shown as plain code`,
          pre.position ? { line: pre.position.start.line + 1 + long, column: 1 } : undefined,
        );
        continue;
      }
      const key = `${id}\u0000${text}`;
      const options = tokenOptions(themes, id);
      let highlighted = recent.get(key);
      if (!highlighted) {
        highlighted = codeToPre(highlighter, text, options);
        if (recent.size >= recentLimit) recent.delete(recent.keys().next().value!);
        recent.set(key, highlighted);
      }
      // The highlighted tree is kept for reuse (an excerpt repeats a post's blocks), so it is never
      // changed: the two elements changed here are new objects and share the token spans, which
      // nothing after this plugin changes.
      const { class: shikiClass, ...properties } = highlighted.properties as Record<string, unknown>;
      const [inner, ...rest] = highlighted.children;
      const block: Element = {
        ...highlighted,
        // Shiki writes `class` as a string; merge it into `className` with kramdown's `highlight`.
        properties: {
          ...properties,
          className: [
            'highlight',
            ...String(shikiClass ?? '')
              .split(/\s+/)
              .filter(Boolean),
          ],
        } as Element['properties'],
        // Keep the attributes the Markdown gave the code (an IAL's id or class), and its language class.
        children: [
          highlightedCodeElement({ ...(inner as Element), properties: { ...code.properties } }, lineByLine(options)),
          ...rest,
        ],
      };
      const wrapper: ElementContent = {
        type: 'element',
        tagName: 'div',
        properties: { className: [`language-${language}`, 'highlighter-rouge'] },
        children: [{ type: 'element', tagName: 'div', properties: { className: ['highlight'] }, children: [block] }],
        position: pre.position,
      };
      parent.children[index] = wrapper;
    }
  };
}
