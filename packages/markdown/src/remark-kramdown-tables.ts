/**
 * Tables as kramdown reads them, which is not GFM's syntax:
 *
 * - a table starts a block: lines with a pipe right after a paragraph line
 *   are that paragraph's text;
 * - every line has a pipe (the leading one is optional); a header separator
 *   (`|---|---|`, `|---+---|`, with `:` for alignment) makes the rows above
 *   it the header; a later `-` separator starts a new body, a `=` separator
 *   the footer; without a separator every row is body;
 * - a table needs a body (a header alone is paragraph text);
 * - rows have as many cells as the longest row; alignment is
 *   `style="text-align: …"` on every cell of the column;
 * - a pipe inside a code span does not split cells, and `\|` in code stays
 *   as typed.
 *
 * Such a table is written with `data.hName` elements (`thead`, `tbody`,
 * `tfoot`), which mdast's own table node cannot express.
 */
import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { elementNode } from './mdast-to-hast.js';
import { reparser } from './reparse.js';
import { walk } from './walk.js';

type Parse = (text: string, offset: number) => Root;

const separatorLine = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/;
const footerLine = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const alignment = /[ \t]?(:?)-+(:?)[ \t]?/g;
const attributeLine = /^[ \t]*\{:[^{}]*\}[ \t]*$/;

interface Cell {
  text: string;
  offset: number;
}

/** Splits a row into cells at pipes that are neither escaped nor inside a code span. */
function splitRow(line: string, offset: number): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
    } else if (c === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      const close = line.indexOf(run, i + run.length);
      if (close !== -1) i = close + run.length - 1;
      else i += run.length - 1;
    } else if (c === '|') {
      cells.push({ text: line.slice(start, i), offset: offset + start });
      start = i + 1;
    }
  }
  cells.push({ text: line.slice(start), offset: offset + start });
  return cells;
}

function hasPipe(line: string): boolean {
  return splitRow(line, 0).length > 1;
}

/** An element of the table, its children one a line as remark-rehype writes tables. */
function element(type: string, hName: string, children: unknown[], hProperties?: Record<string, unknown>) {
  const lines = hName === 'th' || hName === 'td' ? children : children.flatMap((child) => [newline(), child]);
  if (lines !== children) lines.push(newline());
  return elementNode(type, hName, lines, hProperties);
}

function newline(): RootContent {
  return { type: 'text', value: '\n' };
}

function inline(parse: Parse, text: string, offset: number): PhrasingContent[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const tree = parse(trimmed, offset + text.indexOf(trimmed));
  const first = tree.children[0];
  return first?.type === 'paragraph' ? first.children : [];
}

interface Line {
  text: string;
  offset: number;
}

function lines(source: string, start: number, end: number): Line[] {
  const result: Line[] = [];
  let offset = start;
  for (const text of source.slice(start, end).split('\n')) {
    result.push({ text, offset });
    offset += text.length + 1;
  }
  return result;
}

/**
 * The kramdown table these lines make, plus a trailing attribute list line; undefined when they make none.
 * `parsed` is the GFM table the parser made of the same lines, if any: where its rows are the same cells,
 * their content is reused rather than parsed again.
 */
function kramdownTable(all: Line[], parse: Parse, parsed?: Table): RootContent[] | undefined {
  let body = all;
  let attributes: Line | undefined;
  if (all.length > 1 && attributeLine.test(all.at(-1)!.text)) {
    attributes = all.at(-1);
    body = all.slice(0, -1);
  }
  if (!body.every((line) => hasPipe(line.text) || separatorLine.test(line.text) || footerLine.test(line.text))) {
    return undefined;
  }
  const leadingPipe = /^\s*\|/.test(body[0]!.text);
  type Row = Cell[];
  const sections: { kind: 'thead' | 'tbody' | 'tfoot'; rows: Row[] }[] = [];
  let rows: Row[] = [];
  let aligns: string[] | undefined;
  let hasFooter = false;
  const close = (kind: 'thead' | 'tbody' | 'tfoot', force: boolean): void => {
    if (!hasFooter || kind !== 'tbody' || force) {
      sections.push({ kind, rows });
      rows = [];
    }
  };
  for (const line of body) {
    const separator = separatorLine.exec(line.text);
    if (separator) {
      if (rows.length === 0) continue;
      if (aligns === undefined && !hasFooter) {
        close('thead', false);
        aligns = [...separator[1]!.matchAll(alignment)].map(([, left, right]) =>
          !left && !right ? '' : !right ? 'left' : !left ? 'right' : 'center',
        );
      } else close('tbody', false);
    } else if (footerLine.test(line.text)) {
      if (rows.length > 0) close('tbody', true);
      hasFooter = true;
    } else {
      const cells = splitRow(line.text.replace(/[ \t]+$/, ''), line.offset);
      if (leadingPipe && cells[0]!.text.trim() === '') cells.shift();
      if (cells.length > 0 && cells.at(-1)!.text.trim() === '') cells.pop();
      rows.push(cells);
    }
  }
  if (rows.length > 0) close(hasFooter ? 'tfoot' : 'tbody', false);
  if (!sections.some((section) => section.kind === 'tbody')) return undefined;
  const columns = Math.max(...sections.flatMap((section) => section.rows.map((row) => row.length)));
  const allRows = sections.flatMap((section) => section.rows);
  const reuse =
    parsed !== undefined &&
    parsed.children.length === allRows.length &&
    allRows.every(
      (row, r) => parsed.children[r]!.children.length === row.length && row.every((cell) => !cell.text.includes('\\|')),
    );
  let rowIndex = 0;
  const content = (cell: Cell | undefined, row: number, column: number): PhrasingContent[] => {
    if (!cell) return [];
    if (reuse) return parsed.children[row]!.children[column]!.children;
    return inline(parse, cell.text, cell.offset);
  };
  const table = element(
    'kramdownTable',
    'table',
    sections.map((section) =>
      element(
        'kramdownTableSection',
        section.kind,
        section.rows.map((row) => {
          const r = rowIndex++;
          return element(
            'kramdownTableRow',
            'tr',
            Array.from({ length: columns }, (_, column) => {
              const align = aligns?.[column];
              return element(
                'kramdownTableCell',
                section.kind === 'thead' ? 'th' : 'td',
                content(row[column], r, column),
                align ? { style: `text-align: ${align}` } : undefined,
              );
            }),
          );
        }),
      ),
    ),
  );
  const result = [table];
  if (attributes) {
    result.push({ type: 'paragraph', children: [{ type: 'text', value: attributes.text.trim() }] });
  }
  return result;
}

/** Lines with pipes right after a paragraph line: more of the paragraph. */
function joinToParagraph(paragraph: Paragraph, table: Nodes, source: string, parse: Parse): void {
  const start = table.position!.start.offset!;
  const end = table.position!.end.offset!;
  for (const line of lines(source, start, end)) {
    paragraph.children.push({ type: 'text', value: '\n' }, ...inline(parse, line.text, line.offset));
  }
  paragraph.position!.end = table.position!.end;
}

export default function remarkKramdownTables(this: Processor) {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    if (!source.includes('|')) return;
    const parse = reparser(this, file);
    walk<Nodes>(tree, (node, index, up) => {
      const parent = up as Parent;
      if (node.type !== 'table' && node.type !== 'paragraph') return undefined;
      // Lines in a quote carry its `>`: those are left to the parser.
      if (parent.type === 'blockquote') return false;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return false;
      if (node.type === 'paragraph') {
        const pipe = source.indexOf('|', start);
        if (pipe === -1 || pipe >= end) return false;
      }
      const previous = parent.children[index - 1];
      if (
        node.type === 'table' &&
        previous?.type === 'paragraph' &&
        previous.position?.end.line === node.position!.start.line - 1
      ) {
        joinToParagraph(previous, node, source, parse);
        parent.children.splice(index, 1);
        return index;
      }
      const replacement = kramdownTable(lines(source, start, end), parse, node.type === 'table' ? node : undefined);
      if (!replacement) {
        if (node.type === 'paragraph') return false;
        // A GFM table kramdown does not read as one (a header alone): its lines are paragraph text.
        const paragraph: Paragraph = { type: 'paragraph', children: [], position: structuredClone(node.position) };
        lines(source, start, end).forEach((line, i) => {
          if (i > 0) paragraph.children.push({ type: 'text', value: '\n' });
          paragraph.children.push(...inline(parse, line.text, line.offset));
        });
        parent.children[index] = paragraph;
        return index + 1;
      }
      parent.children.splice(index, 1, ...replacement);
      return index + replacement.length;
    });
  };
}
