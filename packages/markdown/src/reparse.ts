/**
 * Parses a slice of the file again, with the processor's own parser, and
 * moves the positions of the new tree to where the slice is in the file, so
 * plugins that read the source at a node's offsets (typography, attribute
 * lists) and messages work on it as on the rest.
 */
import type { Nodes, Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { walk } from './walk.js';

/** Where a slice starts in the file. */
export interface Place {
  line: number;
  column: number;
  offset: number;
}

/** Moves the positions of a tree parsed from a slice that starts at `place`. */
export function shift(tree: Root, place: Place): void {
  walk<Nodes>(tree, (node) => {
    const position = node.position;
    if (!position) return;
    for (const point of [position.start, position.end]) {
      if (point.line === 1) point.column += place.column - 1;
      point.line += place.line - 1;
      if (point.offset !== undefined) point.offset += place.offset;
    }
  });
}

/** The place in `source` of an offset. */
export function placeOf(source: string, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** A function that parses `text`, found at `offset` of the file, into a tree with the file's positions. */
export function reparser(processor: Processor, file: VFile): (text: string, offset: number) => Root {
  const source = String(file.value);
  return (text, offset) => {
    const tree = processor.parser!(text, file) as Root;
    shift(tree, placeOf(source, offset));
    return tree;
  };
}
