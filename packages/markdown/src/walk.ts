/**
 * A minimal depth-first walk over a syntax tree. The plugins of this package
 * each look at every node once per post; unist-util-visit's generality
 * (parent stacks, test functions) cost a fifth of the pipeline's time, this
 * loop a small part of that.
 */
import type { Node, Parent } from 'unist';

/** Return `false` to skip a node's children, or a number to continue at that index of the parent. */
export type Visitor<T extends Node = Node> = (node: T, index: number, parent: Parent) => false | number | void;

/** Calls `visitor` for every descendant of `tree` (not `tree` itself), parents before children. */
export function walk<T extends Node = Node>(tree: Parent, visitor: Visitor<T>): void {
  const children = tree.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    const result = visitor(node as T, index, tree);
    if (typeof result === 'number') {
      index = result - 1;
      continue;
    }
    // A property read, not `'children' in node`: over nodes of many shapes, `in` takes V8's slow path (a
    // walk took 45 ns a node with it, 27 with this).
    if (result !== false && (node as Partial<Parent>).children !== undefined) walk(node as Parent, visitor);
  }
}

/** Raw HTML in a hast tree, as remark-rehype leaves it with `allowDangerousHtml`. */
export interface Raw extends Node {
  type: 'raw';
  value: string;
}
