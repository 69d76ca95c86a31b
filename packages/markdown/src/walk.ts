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
    if (result !== false && 'children' in node) walk(node as Parent, visitor);
  }
}

/** Raw HTML in a hast tree, as remark-rehype leaves it with `allowDangerousHtml`. */
export interface Raw extends Node {
  type: 'raw';
  value: string;
}
