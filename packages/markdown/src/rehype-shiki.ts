/**
 * Build-time syntax highlighting with Shiki. One highlighter per theme pair
 * is created for the whole process and languages are loaded the first time a
 * post uses them, so the cost is paid once, never per post. The light theme's
 * colours are inline (feed readers show them); the dark theme's are
 * `--shiki-dark` CSS variables the theme switches to in dark mode.
 *
 * Code keeps kramdown's wrapper, `div.language-x.highlighter-rouge >
 * div.highlight > pre.highlight > code.language-x`, so old stylesheets and
 * readers see the structure they know. An unknown language is left as plain
 * code, with a message that names it.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import {
  bundledLanguagesInfo,
  createHighlighter,
  type BundledLanguage,
  type Highlighter,
  type LanguageRegistration,
} from 'shiki';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { nftGrammar } from './grammars/nft.js';
import type { HighlightOptions } from './options.js';

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

/** Names that mean "no highlighting". */
const plainLanguages = new Set(['text', 'txt', 'plain', 'plaintext', 'none', 'output']);

/** The Shiki highlighter for a theme pair, created once per process. */
export function getHighlighter(themes: Required<HighlightOptions>): Promise<Highlighter> {
  const key = `${themes.light}\u0000${themes.dark}`;
  let highlighter = highlighters.get(key);
  if (!highlighter) {
    highlighter = createHighlighter({ themes: [themes.light, themes.dark], langs: [] });
    highlighters.set(key, highlighter);
  }
  return highlighter;
}

function languageOf(code: Element): string | undefined {
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : [];
  const found = list.find((name) => name.startsWith('language-'));
  return found?.slice('language-'.length);
}

export default function rehypeShiki(themes: Required<HighlightOptions>) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const blocks: { pre: Element; code: Element; language: string; index: number; parent: Root | Element }[] = [];
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'pre' || index === undefined || !parent) return;
      const code = node.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'code',
      );
      const language = code && languageOf(code);
      if (!code || !language) return;
      blocks.push({ pre: node, code, language, index, parent: parent as Root | Element });
    });
    if (blocks.length === 0) return;

    const highlighter = await getHighlighter(themes);
    const wanted = new Set<string>();
    for (const block of blocks) {
      const id = knownLanguages.get(block.language.toLowerCase());
      if (id && !highlighter.getLoadedLanguages().includes(id)) wanted.add(id);
    }
    for (const id of wanted) {
      const extra = extraLanguages.get(id);
      await highlighter.loadLanguage(extra ?? (id as BundledLanguage));
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
      const root = highlighter.codeToHast(toString(code).replace(/\n$/, ''), {
        lang: id,
        themes: { light: themes.light, dark: themes.dark },
        defaultColor: 'light',
      });
      const highlighted = root.children[0] as Element;
      // Shiki writes `class` as a string; merge it into `className` with kramdown's `highlight`.
      const { class: shikiClass, ...properties } = highlighted.properties as Record<string, unknown>;
      highlighted.properties = {
        ...properties,
        className: [
          'highlight',
          ...String(shikiClass ?? '')
            .split(/\s+/)
            .filter(Boolean),
        ],
      } as Element['properties'];
      const inner = highlighted.children[0] as Element;
      // Keep the attributes the Markdown gave the code (an IAL's id or class), and its language class.
      inner.properties = { ...code.properties };
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: [`language-${language}`, 'highlighter-rouge'] },
        children: [
          { type: 'element', tagName: 'div', properties: { className: ['highlight'] }, children: [highlighted] },
        ],
        position: pre.position,
      };
    }
  };
}
