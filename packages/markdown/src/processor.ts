/**
 * The unified pipeline. It is built from two halves so `render()` can parse
 * a post once and finish the post and its excerpt separately:
 *
 * - `parserPlugins`: satteri (default) or remark-parse with GFM and math;
 * - `markdownToHastPlugins`: kramdown attribute lists, typography, math,
 *   then remark-rehype's transform (`mdast-to-hast.ts`);
 * - `hastToHtml`: raw HTML parsed (only where a post has some) and sanitized
 *   when asked, kramdown footnotes,
 *   heading ids and anchors, highlighting (Shiki or Prism), images, absolute URLs, then
 *   rehype-stringify.
 *
 * `createProcessor()` chains both into one ordinary unified processor.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified, type PluggableList, type Processor } from 'unified';
import { resolveOptions, type Options, type ResolvedOptions } from './options.js';
import mdastToHast from './mdast-to-hast.js';
import { optionalPlugin } from './optional-plugins.js';
import parseSatteri from './parse-satteri.js';
import rehypeAbsoluteUrls from './rehype-absolute-urls.js';
import rehypeFeedContent from './rehype-feed-content.js';
import rehypeDropRaw from './rehype-drop-raw.js';
import rehypeRawIfNeeded from './rehype-raw-if-needed.js';
import rehypeHeadings from './rehype-headings.js';
import rehypeImages from './rehype-images.js';
import rehypeKramdownFootnotes from './rehype-kramdown-footnotes.js';
import rehypeKramdownIds from './rehype-kramdown-ids.js';
import rehypeLineNumbers, { rehypeLineNumbersMark } from './rehype-line-numbers.js';
import rehypeKramdownToc from './rehype-kramdown-toc.js';
import { prismEngine } from './prism.js';
import rehypeHighlight from './rehype-highlight.js';
import { shikiEngine } from './rehype-shiki.js';
import rehypeTaskLists from './rehype-task-lists.js';
import remarkKramdownAttributes from './remark-kramdown-attributes.js';
import remarkKramdownBlocks from './remark-kramdown-blocks.js';
import remarkKramdownExact from './remark-kramdown-exact.js';
import remarkKramdownExtensions from './remark-kramdown-extensions.js';
import remarkKramdownHtml from './remark-kramdown-html.js';
import remarkKramdownTables from './remark-kramdown-tables.js';
import remarkKramdownMath from './remark-kramdown-math.js';
import remarkKramdownTypography from './remark-kramdown-typography.js';
import remarkMathData from './remark-math-data.js';

/** The parser: satteri, or remark-parse with the GFM and math syntax extensions. */
export function parserPlugins(options: ResolvedOptions): PluggableList {
  if (options.parser === 'satteri') return [[parseSatteri, { math: options.math !== false }]];
  const plugins: PluggableList = [optionalPlugin('remark-parse'), optionalPlugin('remark-gfm')];
  // kramdown reads `$$…$$` only; a lone `$` is a dollar sign.
  if (options.math) plugins.push([optionalPlugin('remark-math'), { singleDollarTextMath: false }]);
  return plugins;
}

/** The remark half: Markdown syntax tree to HTML syntax tree. */
export function markdownToHastPlugins(options: ResolvedOptions): PluggableList {
  const plugins: PluggableList = [
    remarkKramdownHtml,
    remarkKramdownExtensions,
    remarkKramdownTables,
    remarkKramdownBlocks,
    remarkKramdownAttributes,
  ];
  // kramdown's typography: `--` en dash, `---` em dash, `...` ellipsis, smart quotes.
  if (options.smartypants) plugins.push(remarkKramdownTypography);
  if (options.kramdownExact) plugins.push(remarkKramdownExact);
  if (options.math === 'mathjax') plugins.push([remarkKramdownMath, { bare: options.kramdownExact }]);
  if (options.math === 'katex' && options.parser === 'satteri') plugins.push(remarkMathData);
  // Raw HTML always reaches the HTML tree: kept for trusted posts, parsed and sanitized for untrusted
  // ones, or dropped with a message; never silently.
  plugins.push([mdastToHast, { allowDangerousHtml: true, clobberPrefix: '' }]);
  return plugins;
}

/** The rehype half: everything done to the HTML tree. */
export function hastPlugins(options: ResolvedOptions): PluggableList {
  // kramdown gives ids to the headings written in Markdown, never to those written as HTML: ids first, then
  // the raw HTML. Sanitizing prefixes ids (`user-content-`), so there the ids come after it, as before.
  const plugins: PluggableList = options.sanitize ? [] : [rehypeKramdownIds];
  if (options.sanitize) {
    const schema = {
      ...defaultSchema,
      attributes: {
        ...defaultSchema.attributes,
        // Math classes for KaTeX and MathJax, alongside GitHub's `language-*` on code.
        div: [...(defaultSchema.attributes?.div ?? []), ['className', 'math', 'math-display']],
        span: [...(defaultSchema.attributes?.span ?? []), ['className', 'math', 'math-inline']],
      },
    };
    plugins.push(rehypeRawIfNeeded, [rehypeSanitize, schema]);
  } else if (options.allowDangerousHtml) {
    plugins.push(rehypeRawIfNeeded);
  } else {
    plugins.push(rehypeDropRaw);
  }
  if (options.math === 'katex') plugins.push(optionalPlugin('rehype-katex'));
  if (options.kramdownFootnotes) plugins.push(rehypeKramdownFootnotes);
  plugins.push(rehypeTaskLists);
  if (options.sanitize) plugins.push(rehypeKramdownIds);
  plugins.push(rehypeHeadings, rehypeKramdownToc);
  if (options.headingAnchors) {
    plugins.push([
      rehypeAutolinkHeadings,
      {
        behavior: 'append',
        properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
        content: { type: 'text', value: '#' },
      },
    ]);
  }
  plugins.push(rehypeLineNumbersMark);
  // Feeds get plain code and no scripts, styles or frames: see rehype-feed-content.ts.
  const highlight = options.baseUrl ? false : options.highlight;
  if (highlight) {
    const engine = highlight.engine === 'prism' ? prismEngine : () => shikiEngine(highlight.themes);
    plugins.push([rehypeHighlight, { engine }]);
  }
  plugins.push(rehypeLineNumbers);
  plugins.push([rehypeImages, { root: options.imageRoot }]);
  if (options.baseUrl) plugins.push([rehypeAbsoluteUrls, { base: options.baseUrl }], rehypeFeedContent);
  return plugins;
}

/** The processor `createProcessor()` returns: Markdown in, HTML string out. */
export type MarkdownProcessor = Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>;

/**
 * Creates the Markdown-to-HTML processor. Create it once and reuse it:
 * building a processor costs far more than running it.
 *
 * @param options See {@link Options}; every option has a default.
 */
export function createProcessor(options: Options = {}): MarkdownProcessor {
  const resolved = resolveOptions(options);
  return unified()
    .use(parserPlugins(resolved))
    .use(markdownToHastPlugins(resolved))
    .use(hastPlugins(resolved))
    .use(rehypeStringify, {
      allowDangerousHtml: resolved.allowDangerousHtml && !resolved.sanitize,
    }) as unknown as MarkdownProcessor;
}
