/**
 * HTML blocks as kramdown reads them (Jekyll's defaults: `parse_block_html`
 * off). A block-level tag at the start of a block runs to its matching end
 * tag, blank lines included, and Markdown after the end tag on the same block
 * is Markdown again. Its inside stays raw unless the tag has a `markdown`
 * attribute: `markdown="1"` parses the inside by the element's content model
 * (blocks in a `div`, spans in a `p`), `"block"` and `"span"` say which,
 * `"0"` keeps it raw; the attribute itself is not written out. A span-level
 * tag (`<img>`, `<span>`) at the start of a block starts a paragraph.
 */
import type { Html, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { placeOf, reparser } from './reparse.js';
import { walk } from './walk.js';

// kramdown's lists (Kramdown::Parser::Html::Constants).
const spanElements = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(
    ' ',
  ),
);
const blockModel = new Set(
  'address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td'.split(
    ' ',
  ),
);
const spanModel = new Set(
  'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt'.split(
    ' ',
  ),
);
const withoutBody = new Set(
  'area base br col command embed hr img input keygen link meta param source track wbr'.split(' '),
);
const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

const openTag = /^[ ]{0,3}<([A-Za-z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/;
const markdownAttribute = /\s+markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/;

interface Block {
  /** Offsets in the source: the whole element, and its inside. */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  tag: string;
  openText: string;
  markdown: string | undefined;
}

/** Finds the element that starts at `start`, to its matching end tag; undefined when it is not closed. */
function findBlock(source: string, start: number): Block | undefined {
  const open = openTag.exec(source.slice(start));
  if (!open) return undefined;
  const tag = open[1]!.toLowerCase();
  const openEnd = start + open[0].length;
  const attribute = markdownAttribute.exec(open[2] ?? '');
  const markdown = attribute ? (attribute[1] ?? attribute[2] ?? attribute[3]) : undefined;
  const openText = attribute ? open[0].replace(attribute[0], '') : open[0];
  if (open[3] === '/' || withoutBody.has(tag)) {
    return { start, openEnd, closeStart: openEnd, end: openEnd, tag, openText, markdown };
  }
  const tags = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, 'gi');
  tags.lastIndex = openEnd;
  let depth = 1;
  for (let match = tags.exec(source); match; match = tags.exec(source)) {
    if (match[1] === '/') depth--;
    else if (!match[0].endsWith('/>')) depth++;
    if (depth === 0) {
      return { start, openEnd, closeStart: match.index, end: match.index + match[0].length, tag, openText, markdown };
    }
  }
  return undefined;
}

/** HTML this plugin has read, from `start` to `end` of the source. */
function html(value: string, source: string, start: number, end: number): Html {
  const from = placeOf(source, start);
  const to = placeOf(source, end);
  return {
    type: 'html',
    value,
    data: { kramdownHtml: true },
    position: { start: from, end: to },
  };
}

declare module 'mdast' {
  interface HtmlData {
    /** Set on HTML this plugin has already read. */
    kramdownHtml?: boolean | undefined;
  }
}

export default function remarkKramdownHtml(this: Processor) {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    const parse = reparser(this, file);
    walk<Nodes>(tree, (node, index, up) => {
      const parent = up as Parent;
      if (!flowParents.has(parent.type)) return undefined;
      const candidate =
        (node.type === 'html' && !node.data?.kramdownHtml) ||
        (node.type === 'paragraph' && node.children[0]?.type === 'html');
      if (!candidate) return undefined;
      const start = node.position?.start.offset;
      if (start === undefined || !/^<[A-Za-z]/.test(source.slice(start, start + 2))) return undefined;
      // In a quote the source lines carry its `>`: what the parser read is kept.
      if (parent.type === 'blockquote') return undefined;
      if (node.type === 'html' && source.slice(start, node.position!.end.offset) !== node.value) return undefined;
      const tag = /^<([A-Za-z][\w-]*)/.exec(source.slice(start))![1]!.toLowerCase();
      if (spanElements.has(tag)) {
        // A span-level tag starts a paragraph.
        if (node.type !== 'html') return false;
        const paragraph: Paragraph = { type: 'paragraph', children: [node], position: node.position };
        parent.children[index] = paragraph;
        return false;
      }
      const block = findBlock(source, start);
      // Unclosed, or closed outside this container (a quote, a list item): left as the parser read it.
      if (!block || block.end > (parent.position?.end.offset ?? source.length)) return undefined;
      // The siblings the element covers; the last may run past its end tag.
      let last = index;
      while (
        last + 1 < parent.children.length &&
        (parent.children[last + 1]!.position?.start.offset ?? Infinity) < block.end
      ) {
        last++;
      }
      const lastEnd = parent.children[last]!.position?.end.offset ?? block.end;
      const replacement: RootContent[] = [];
      const model =
        block.markdown === undefined || block.markdown === '0'
          ? 'raw'
          : block.markdown === 'block' || block.markdown === 'span'
            ? block.markdown
            : blockModel.has(block.tag)
              ? 'block'
              : spanModel.has(block.tag)
                ? 'span'
                : 'raw';
      if (model === 'raw') {
        replacement.push(
          html(block.openText.trimStart() + source.slice(block.openEnd, block.end), source, block.start, block.end),
        );
      } else {
        replacement.push(html(block.openText.trimStart(), source, block.start, block.openEnd));
        const inside = source.slice(block.openEnd, block.closeStart);
        const inner = parse(inside, block.openEnd);
        if (model === 'span') {
          // Spans only: the paragraphs' contents, one after the other.
          for (const child of inner.children) {
            if (child.type === 'paragraph') replacement.push(...(child.children as RootContent[]));
            else replacement.push(child);
          }
        } else replacement.push(...inner.children);
        replacement.push(html(source.slice(block.closeStart, block.end), source, block.closeStart, block.end));
      }
      // Markdown after the end tag, in the same block.
      const rest = source.slice(block.end, Math.max(block.end, lastEnd));
      if (rest.trim() !== '') replacement.push(...parse(rest, block.end).children);
      parent.children.splice(index, last - index + 1, ...replacement);
      // Read what was just parsed: it may hold more HTML blocks.
      return index + 1;
    });
  };
}
