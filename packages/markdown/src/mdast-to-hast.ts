/**
 * remark-rehype's transform (mdast-util-to-hast's `toHast`) without its
 * generic walk. `toHast` first walks the whole tree with unist-util-visit to
 * find link and footnote definitions, a seventh of a post's time without
 * highlighting; this plugin finds them with a plain loop, in the same order
 * (parents before children, first of an identifier wins), and gives `toHast`
 * an empty root to walk, whose handler fills its maps and converts the post's
 * root with the default root handler. The tree is the one remark-rehype gives
 * (the tests compare both on the corpus, the fixtures and the kramdown
 * documents).
 */
import type { Element as HastElement, Root as HastRoot, Text as HastText } from 'hast';
import type { Nodes, Root, RootContent, Text } from 'mdast';
import type { Parent } from 'unist';
import { defaultHandlers, toHast, type Handler, type Options, type State } from 'mdast-util-to-hast';
import { trimLines } from 'trim-lines';
import type { VFile } from 'vfile';

/** What `createState` records of `tree`: its definitions and footnote definitions by upper-cased identifier. */
function collectDefinitions(state: State, node: Nodes): void {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') {
    const id = String(node.identifier).toUpperCase();
    if (node.type === 'definition') {
      if (!state.definitionById.has(id)) state.definitionById.set(id, node);
    } else if (!state.footnoteById.has(id)) {
      state.footnoteById.set(id, node);
    }
  }
  // A property read, not `in`: see walk.ts.
  const children = (node as Partial<Parent>).children;
  if (children) {
    for (const child of children) collectDefinitions(state, child as Nodes);
  }
}

/**
 * A Markdown node that `toHast` writes as the element `hName`. Properties go in only when there are some:
 * `toHast` copies each node's with @ungap/structured-clone, slowly, even when they are empty (a table's
 * cells, a definition list's terms).
 */
export function elementNode(
  type: string,
  hName: string,
  children: unknown[],
  hProperties?: Record<string, unknown>,
): RootContent {
  const data = hProperties === undefined ? { hName } : { hName, hProperties };
  return { type, data, children } as unknown as RootContent;
}

/**
 * The default `text` handler, which trims the spaces and tabs around each line break: text without a line
 * break (most of a post's) is given as it is, as `trimLines` would give it, without its regular expression
 * and its list of lines.
 */
function text(state: State, node: Text): HastElement | HastText {
  const value = String(node.value);
  const result: HastText = {
    type: 'text',
    value: value.includes('\n') || value.includes('\r') ? trimLines(value) : value,
  };
  state.patch(node, result);
  return state.applyData(node, result);
}

export default function mdastToHast(options: Options) {
  return (tree: Root, file: VFile): HastRoot => {
    const shell: Root = { type: 'root', children: [] };
    // The root handler returns a root, which `Handler`'s type does not allow for.
    const root = ((state: State, node: Root) => {
      if (node !== shell) return defaultHandlers.root(state, node);
      collectDefinitions(state, tree);
      return defaultHandlers.root(state, tree);
    }) as unknown as Handler;
    return toHast(shell, { file, ...options, handlers: { text, ...options.handlers, root } }) as HastRoot;
  };
}
