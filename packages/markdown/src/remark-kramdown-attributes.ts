/**
 * kramdown inline attribute lists (IALs), the `{: .class #id key="value"}`
 * that Jekyll posts put after a block or a span:
 *
 * - a line of its own after a block (a heading, code block, list, quote) or
 *   before one when nothing precedes it;
 * - the last line of a paragraph, for that paragraph;
 * - right after a span (`*x*`, `` `x` ``, `[x](y)`, `![x](y)`), for that span;
 * - kramdown's header ids, `## Title {#id}`.
 *
 * - an attribute list on the first line of a paragraph, for that paragraph;
 * - attribute list definitions, `{:name: .class #id}`, used by name in any
 *   list (`{:name}`, `{: name .more}`), wherever the definition is.
 *
 * Attributes become `data.hProperties`, so they reach the HTML element.
 */
import type { Nodes, Parent, Root, RootContent, Text } from 'mdast';
import { walk } from './walk.js';
import type { VFile } from 'vfile';

type Properties = Record<string, string | string[]>;

const standalone = /^\{:(?!:|\w[\w-]*:)([^{}]*)\}$/;
const trailing = /\n[ \t]*\{:(?!:|\w[\w-]*:)([^{}\n]*)\}[ \t]*$/;
const leading = /^\{:(?!:|\w[\w-]*:)([^{}\n]*)\}/;
const headerId = /[ \t]+\{#([\w:.-]+)\}[ \t]*$/;
const definition = /^\{:(\w[\w-]*):([^{}]*)\}$/;
const firstLine = /^\{:(?!:|\w[\w-]*:)([^{}\n]*)\}[ \t]*\n/;

/**
 * Parses the inside of `{: … }`: `.class`, `#id`, `key="value"`, `key='value'`, and names of attribute list
 * definitions (`definitions`, name to the text of the definition).
 */
export function parseAttributeList(
  text: string,
  definitions: ReadonlyMap<string, string> = new Map(),
  seen: ReadonlySet<string> = new Set(),
): { properties: Properties; unknown: string[] } {
  const properties: Properties = {};
  const unknown: string[] = [];
  const classes: string[] = [];
  const token = /([.#])([\w:-]+)|([\w:-]+)=(?:"([^"]*)"|'([^']*)')|(\S+)/g;
  for (const match of text.matchAll(token)) {
    if (match[1] === '.') classes.push(match[2]!);
    else if (match[1] === '#') properties.id = match[2]!;
    else if (match[3]) properties[match[3]] = match[4] ?? match[5] ?? '';
    else if (match[6] && definitions.has(match[6]) && !seen.has(match[6])) {
      const referenced = parseAttributeList(definitions.get(match[6])!, definitions, new Set([...seen, match[6]]));
      const { className, ...rest } = referenced.properties;
      if (Array.isArray(className)) classes.push(...className);
      Object.assign(properties, rest);
      unknown.push(...referenced.unknown);
    } else if (match[6]) unknown.push(match[6]);
  }
  if (classes.length > 0) properties.className = classes;
  return { properties, unknown };
}

/** Reads and removes the attribute list definitions, `{:name: …}` paragraphs. */
function collectDefinitions(tree: Root): Map<string, string> {
  const definitions = new Map<string, string>();
  walk<Nodes>(tree, (node, index, parent) => {
    if (node.type !== 'paragraph') return undefined;
    if (node.children.length !== 1 || node.children[0]!.type !== 'text') return false;
    const match = definition.exec(node.children[0].value.trim());
    if (!match) return false;
    definitions.set(match[1]!, match[2]!);
    parent.children.splice(index, 1);
    return index;
  });
  return definitions;
}

/** Whether the line of `offset` in `source` is outside the quote (no `>`): a lazy line after it. */
function isLazyLine(source: string, offset: number): boolean {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  return !/^[ \t]*>/.test(source.slice(start, offset + 1));
}

function apply(node: Nodes, properties: Properties): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  // A code block's language is a class too; `hProperties` replace the element's own, so keep it first.
  const own: Record<string, unknown> =
    node.type === 'code' && node.lang ? { className: [`language-${node.lang}`] } : {};
  const current = (data.hProperties ??= own);
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'className') {
      const existing = current.className;
      current.className = [...(Array.isArray(existing) ? existing : existing ? [String(existing)] : []), ...value];
    } else current[key] = value;
  }
}

/** The remark plugin. */
export default function remarkKramdownAttributes() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    const definitions = source.includes('{:') ? collectDefinitions(tree) : new Map<string, string>();
    const parseList = (text: string) => parseAttributeList(text, definitions);
    const note = (unknown: string[], node: Nodes): void => {
      if (unknown.length > 0) {
        file.message(`Unsupported in an attribute list, dropped: \`${unknown.join(' ')}\``, node);
      }
    };

    walk<Nodes>(tree, (node, index, parent) => {
      // A paragraph that is only `{: … }` belongs to the block before it (or after, at the start).
      if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'text') {
        const value = node.children[0].value.trim();
        const match = standalone.exec(value);
        if (match) {
          const target = (parent.children[index - 1] ?? parent.children[index + 1]) as RootContent | undefined;
          const { properties, unknown } = parseList(match[1]!);
          note(unknown, node);
          if (target) apply(target, properties);
          else file.message('An attribute list with no element before or after it is dropped', node);
          parent.children.splice(index, 1);
          return index;
        }
      }
      // `{: … }` as the first line of a paragraph.
      if (node.type === 'paragraph' && node.children[0]?.type === 'text') {
        const first = node.children[0];
        const match = firstLine.exec(first.value);
        if (match) {
          first.value = first.value.slice(match[0].length);
          const { properties, unknown } = parseList(match[1]!);
          note(unknown, node);
          apply(node, properties);
        }
      }
      // `{: … }` as the last line of a paragraph; in a quote, a line without `>` is for the quote.
      if (node.type === 'paragraph') {
        const last = node.children.at(-1);
        if (last?.type === 'text') {
          const match = trailing.exec(last.value);
          if (match) {
            last.value = last.value.slice(0, match.index);
            const { properties, unknown } = parseList(match[1]!);
            note(unknown, node);
            const end = last.position?.end.offset;
            const forQuote = parent.type === 'blockquote' && end !== undefined && isLazyLine(source, end - 1);
            apply(forQuote ? (parent as Nodes) : node, properties);
          }
        }
      }
      // Header ids and attribute lists at the end of a heading.
      if (node.type === 'heading') {
        const last = node.children.at(-1);
        if (last?.type === 'text') {
          const id = headerId.exec(last.value);
          if (id) {
            last.value = last.value.slice(0, id.index);
            apply(node, { id: id[1]! });
          } else {
            const match = /[ \t]*\{:(?!:)([^{}]*)\}[ \t]*$/.exec(last.value);
            if (match) {
              last.value = last.value.slice(0, match.index);
              const { properties, unknown } = parseList(match[1]!);
              note(unknown, node);
              apply(node, properties);
            }
          }
        }
      }
      // Span attribute lists: text that starts with `{: … }` right after a span.
      if ((node as Partial<Parent>).children !== undefined) {
        const children = (node as Parent).children;
        for (let i = 1; i < children.length; i++) {
          const child = children[i]!;
          const previous = children[i - 1]!;
          if (child.type !== 'text' || previous.type === 'text') continue;
          const match = leading.exec((child as Text).value);
          if (!match) continue;
          (child as Text).value = (child as Text).value.slice(match[0].length);
          const { properties, unknown } = parseList(match[1]!);
          note(unknown, previous as Nodes);
          apply(previous as Nodes, properties);
        }
      }
      return undefined;
    });
  };
}
