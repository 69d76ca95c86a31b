/**
 * The unified pipeline. It is built from two halves so `render()` can parse
 * a post once and finish the post and its excerpt separately:
 *
 * - `markdownToHast`: remark-parse, GFM, math, kramdown attribute lists,
 *   typography, then remark-rehype;
 * - `hastToHtml`: raw HTML parsed (only where a post has some) and sanitized
 *   when asked, kramdown footnotes,
 *   heading ids and anchors, Shiki, images, absolute URLs, then
 *   rehype-stringify.
 *
 * `createProcessor()` chains both into one ordinary unified processor.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified, type PluggableList, type Processor } from 'unified';
import { resolveOptions, type Options, type ResolvedOptions } from './options.js';
import rehypeAbsoluteUrls from './rehype-absolute-urls.js';
import rehypeDropRaw from './rehype-drop-raw.js';
import rehypeRawIfNeeded from './rehype-raw-if-needed.js';
import rehypeHeadings from './rehype-headings.js';
import rehypeImages from './rehype-images.js';
import rehypeKramdownFootnotes from './rehype-kramdown-footnotes.js';
import rehypeShiki from './rehype-shiki.js';
import rehypeTaskLists from './rehype-task-lists.js';
import remarkKramdownAttributes from './remark-kramdown-attributes.js';
import remarkKramdownMath from './remark-kramdown-math.js';

/** The remark half: Markdown syntax tree to HTML syntax tree. */
export function markdownToHastPlugins(options: ResolvedOptions): PluggableList {
  const plugins: PluggableList = [remarkGfm];
  // kramdown reads `$$…$$` only; a lone `$` is a dollar sign.
  if (options.math) plugins.push([remarkMath, { singleDollarTextMath: false }]);
  plugins.push(remarkKramdownAttributes);
  // kramdown's typography: `--` en dash, `---` em dash, `...` ellipsis, `<<` `>>` guillemets, smart quotes.
  if (options.smartypants) plugins.push([remarkSmartypants, { dashes: 'oldschool', backticks: false }]);
  if (options.math === 'mathjax') plugins.push(remarkKramdownMath);
  // Raw HTML always reaches the HTML tree: kept for trusted posts, parsed and sanitized for untrusted
  // ones, or dropped with a message; never silently.
  plugins.push([remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' }]);
  return plugins;
}

/** The rehype half: everything done to the HTML tree. */
export function hastPlugins(options: ResolvedOptions): PluggableList {
  const plugins: PluggableList = [];
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
  if (options.math === 'katex') plugins.push(rehypeKatex);
  if (options.kramdownFootnotes) plugins.push(rehypeKramdownFootnotes);
  plugins.push(rehypeTaskLists, rehypeSlug, rehypeHeadings);
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
  if (options.highlight) plugins.push([rehypeShiki, options.highlight]);
  plugins.push([rehypeImages, options.imageRoot]);
  if (options.baseUrl) plugins.push([rehypeAbsoluteUrls, options.baseUrl]);
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
    .use(remarkParse)
    .use(markdownToHastPlugins(resolved))
    .use(hastPlugins(resolved))
    .use(rehypeStringify, {
      allowDangerousHtml: resolved.allowDangerousHtml && !resolved.sanitize,
    }) as unknown as MarkdownProcessor;
}
