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
 * Attributes become `data.hProperties`, so they reach the HTML element.
 * Attribute list definitions (`{:name: …}`) and references to them are
 * dropped, with a message.
 */
import type { Nodes, Parent, Root, RootContent, Text } from 'mdast';
import { walk } from './walk.js';
import type { VFile } from 'vfile';

type Properties = Record<string, string | string[]>;

const standalone = /^\{:(?!\w[\w-]*:)([^{}]*)\}$/;
const trailing = /\n[ \t]*\{:(?!\w[\w-]*:)([^{}\n]*)\}[ \t]*$/;
const leading = /^\{:(?!\w[\w-]*:)([^{}\n]*)\}/;
const headerId = /[ \t]+\{#([\w:.-]+)\}[ \t]*$/;
const definition = /^\{:\w[\w-]*:[^{}]*\}$/;

/** Parses the inside of `{: … }`: `.class`, `#id`, `key="value"`, `key='value'`. */
export function parseAttributeList(text: string): { properties: Properties; unknown: string[] } {
  const properties: Properties = {};
  const unknown: string[] = [];
  const classes: string[] = [];
  const token = /([.#])([\w:-]+)|([\w:-]+)=(?:"([^"]*)"|'([^']*)')|(\S+)/g;
  for (const match of text.matchAll(token)) {
    if (match[1] === '.') classes.push(match[2]!);
    else if (match[1] === '#') properties.id = match[2]!;
    else if (match[3]) properties[match[3]] = match[4] ?? match[5] ?? '';
    else if (match[6]) unknown.push(match[6]);
  }
  if (classes.length > 0) properties.className = classes;
  return { properties, unknown };
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
    const note = (unknown: string[], node: Nodes): void => {
      if (unknown.length > 0) {
        file.message(`Unsupported in an attribute list, dropped: \`${unknown.join(' ')}\``, node);
      }
    };

    walk<Nodes>(tree, (node, index, parent) => {
      // A paragraph that is only `{: … }` belongs to the block before it (or after, at the start).
      if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'text') {
        const value = node.children[0].value.trim();
        if (definition.test(value)) {
          file.message('kramdown attribute list definitions are not supported; the line is dropped', node);
          parent.children.splice(index, 1);
          return index;
        }
        const match = standalone.exec(value);
        if (match) {
          const target = (parent.children[index - 1] ?? parent.children[index + 1]) as RootContent | undefined;
          const { properties, unknown } = parseAttributeList(match[1]!);
          note(unknown, node);
          if (target) apply(target, properties);
          else file.message('An attribute list with no element before or after it is dropped', node);
          parent.children.splice(index, 1);
          return index;
        }
      }
      // `{: … }` as the last line of a paragraph.
      if (node.type === 'paragraph') {
        const last = node.children.at(-1);
        if (last?.type === 'text') {
          const match = trailing.exec(last.value);
          if (match) {
            last.value = last.value.slice(0, match.index);
            const { properties, unknown } = parseAttributeList(match[1]!);
            note(unknown, node);
            apply(node, properties);
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
            const match = /[ \t]*\{:([^{}]*)\}[ \t]*$/.exec(last.value);
            if (match) {
              last.value = last.value.slice(0, match.index);
              const { properties, unknown } = parseAttributeList(match[1]!);
              note(unknown, node);
              apply(node, properties);
            }
          }
        }
      }
      // Span attribute lists: text that starts with `{: … }` right after a span.
      if ('children' in node) {
        const children = (node as Parent).children;
        for (let i = 1; i < children.length; i++) {
          const child = children[i]!;
          const previous = children[i - 1]!;
          if (child.type !== 'text' || previous.type === 'text') continue;
          const match = leading.exec((child as Text).value);
          if (!match) continue;
          (child as Text).value = (child as Text).value.slice(match[0].length);
          const { properties, unknown } = parseAttributeList(match[1]!);
          note(unknown, previous as Nodes);
          apply(previous as Nodes, properties);
        }
      }
      return undefined;
    });
  };
}
