/**
 * Build-time syntax highlighting of code blocks, the same for every engine
 * (Shiki, `rehype-shiki.ts`; Prism, `prism.ts`): which blocks, which
 * language, what is left plain and said, and the wrapper around the result.
 *
 * Code keeps kramdown's wrapper, `div.language-x.highlighter-rouge >
 * div.highlight > pre.highlight > code.language-x`, so old stylesheets and
 * readers see the structure they know. An unknown language is left as plain
 * code, with a message that names it. Feeds are not highlighted (see
 * `rehype-feed-content.ts`).
 *
 * The output depends on the code alone, never on the clock. The one fallback
 * is decided by length: a block with a line of 2,000 characters or more
 * (minified code, a data dump; a long string literal costs time that grows
 * with the square of its length in both engines) is left as plain code, with
 * a message.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { highlightedCode } from './highlighted-html.js';
import { walk } from './walk.js';

/** What an engine does for the plugin. Made once per process and engine choice: it keeps what it loads. */
export interface HighlightEngine {
  /** The engine's name for the language a fence names, loaded and ready; `undefined` if it has none. */
  language(name: string): Promise<string | undefined>;
  /**
   * The highlighted block: a `pre` (its `class` a string) whose first child is the `code` with the tokens.
   * The result is kept and reused (a post's excerpt repeats its first blocks), so it must not be changed.
   */
  highlight(text: string, language: string): Element;
  /**
   * Whether the children of the `code` elements it makes for a language are kept and never changed, so that
   * their HTML is written once and kept with them (`highlighted-html.ts`).
   */
  sharedChildren(language: string): boolean;
}

/** Lines this long or longer are not tokenized: their block is shown as plain code. */
const maxLineLength = 2_000;

/** Names that mean "no highlighting". */
const plainLanguages = new Set(['text', 'txt', 'plain', 'plaintext', 'none', 'output']);

/** Highlighted blocks, per engine, by language and text. */
type HighlightedBlocks = Map<HighlightEngine, Map<string, Element>>;

declare module 'vfile' {
  interface DataMap {
    /**
     * The blocks highlighted for this file. `render` gives the post's to its excerpt, which repeats the
     * post's first blocks: they are highlighted once.
     */
    highlightedBlocks: HighlightedBlocks;
  }
}

function languageOf(code: Element): string | undefined {
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : [];
  const found = list.find((name) => name.startsWith('language-'));
  return found?.slice('language-'.length);
}

/**
 * The block highlighted, by the engine or from the file's blocks. They live as long as the file: kept
 * across posts, the trees would outlive V8's young generation and be copied to the old one (a global map
 * of the 32 latest blocks made each scavenge of a one-pass Prism build copy 4.5 MB, against 1.5 MB).
 */
function highlightBlock(engine: HighlightEngine, file: VFile, text: string, language: string): Element {
  const engines = (file.data.highlightedBlocks ??= new Map());
  let blocks = engines.get(engine);
  if (!blocks) engines.set(engine, (blocks = new Map()));
  const key = `${language}\u0000${text}`;
  let highlighted = blocks.get(key);
  if (!highlighted) blocks.set(key, (highlighted = engine.highlight(text, language)));
  return highlighted;
}

export default function rehypeHighlight(options: { engine: () => Promise<HighlightEngine> }) {
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

    const engine = await options.engine();
    for (const { pre, code, language, index, parent } of blocks) {
      const lower = language.toLowerCase();
      if (plainLanguages.has(lower)) continue;
      const id = await engine.language(lower);
      if (!id) {
        file.message(`Unknown language \`${language}\` in a code block; it is shown as plain code`, pre.position);
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
      // An empty block has no tokens: kramdown writes its `code` empty (Shiki would give it an empty line).
      const empty = text === '';
      const highlighted = highlightBlock(engine, file, text, id);
      // The highlighted tree is kept for reuse, so it is never changed: the two elements changed here are
      // new objects and share the token spans, which nothing after this plugin changes.
      const { class: engineClass, ...properties } = highlighted.properties as Record<string, unknown>;
      const [inner, ...rest] = highlighted.children;
      const innerCode: Element = {
        ...(inner as Element),
        properties: { ...code.properties },
        ...(empty ? { children: [] } : {}),
      };
      if (!empty && engine.sharedChildren(id)) highlightedCode.add(innerCode);
      const block: Element = {
        ...highlighted,
        // The engine writes `class` as a string; merge it into `className` with kramdown's `highlight`.
        properties: {
          ...properties,
          className: [
            'highlight',
            ...String(engineClass ?? '')
              .split(/\s+/)
              .filter(Boolean),
          ],
        } as Element['properties'],
        // Keep the attributes the Markdown gave the code (an IAL's id or class), and its language class.
        children: [innerCode, ...rest],
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
