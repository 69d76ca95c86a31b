/**
 * Renders one post: its HTML, its excerpt (as HTML and as plain text), its
 * headings and table of contents, word count and reading time, and the
 * messages about its source. The Markdown is parsed once; the post and its
 * excerpt are finished from the same tree.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import { unified, type Processor } from 'unified';
import { walk } from './walk.js';
import { VFile } from 'vfile';
import { resolveOptions, type Options, type ResolvedOptions } from './options.js';
import { loadOptionalPlugins } from './optional-plugins.js';
import { hastPlugins, markdownToHastPlugins, parserPlugins } from './processor.js';
import type { Heading } from './rehype-headings.js';
import { recordStamp } from './rehype-images.js';
import type { RenderCache } from './cache.js';
import { renderKey, resultDigest } from './render-key.js';
import { toHtmlFast, type ToHtmlOptions } from './to-html.js';

/** A problem found in the source, with where it is. */
export interface Message {
  message: string;
  /** The file given as `file`, when given. */
  file?: string | undefined;
  /** 1-based line in the file (the body's first line is `line`). */
  line?: number | undefined;
  column?: number | undefined;
  /** The plugin that reported it. */
  source?: string | undefined;
}

/** An entry of the table of contents. */
export interface TocEntry extends Heading {
  children: TocEntry[];
}

/** What rendering one post gives. */
export interface RenderResult {
  /** The post as HTML. */
  html: string;
  /** The excerpt as HTML: front-matter `excerpt`, else up to the separator, else the first block. Always whole elements. */
  excerptHtml: string;
  /** The excerpt as plain text, at most 160 characters, for meta descriptions. */
  excerptText: string;
  /** Whether the post continues past its excerpt. */
  hasMore: boolean;
  headings: Heading[];
  /** The headings nested by depth. */
  toc: TocEntry[];
  /** Words of prose (code blocks not counted). */
  wordCount: number;
  /** Minutes to read, at least 1. */
  readingTime: number;
  messages: Message[];
  /**
   * Local files the rendering read: the images it gave a `width` and `height` (found or not). The HTML
   * depends on them as on the source, and the cache checks them.
   */
  files: string[];
  /**
   * The state of each of `files` (its size and change time, or `missing`) when the rendering read it, in
   * the same order: the result is stale once a file's state is another.
   */
  fileStamps: string[];
  /**
   * A digest of what the result was made from (SHA-256, base64url): the source, the options, this
   * package's code and the state of the `files` it read. Two results with the same digest are the same;
   * two with different digests may still be (an option that changed nothing). A host that keys its own
   * caches on a rendering uses it instead of reading `html`, which a compact result (see `renderAll`)
   * decodes each time it is read.
   */
  digest: string;
}

/** Options of {@link render}. */
export interface RenderOptions extends Options {
  /** Path of the source file, for messages. */
  file?: string | undefined;
  /** Line of the file where `source` starts (after front matter), so messages point at the file's lines; default 1. */
  line?: number | undefined;
  /** An explicit excerpt source (front-matter `excerpt`), used instead of cutting one. */
  excerpt?: string | undefined;
  /** A cache of results by content hash; an unchanged post is read back, not rendered. Default: none. */
  cache?: RenderCache | undefined;
}

interface Pipeline {
  options: ResolvedOptions;
  parse: Processor<MdastRoot, MdastRoot, HastRoot>;
  finish: Processor<undefined, HastRoot, HastRoot, HastRoot, string>;
  /** rehype-stringify's settings in `finish`: `render` writes the HTML as it would (see to-html.ts). */
  html: ToHtmlOptions;
}

const pipelines = new Map<string, Pipeline>();

/** The two halves of the processor for these options, built once per process. */
export function getPipeline(options: Options = {}): Pipeline {
  const resolved = resolveOptions(options);
  const key = JSON.stringify(resolved);
  let pipeline = pipelines.get(key);
  if (!pipeline) {
    const html = { allowDangerousHtml: resolved.allowDangerousHtml && !resolved.sanitize };
    pipeline = {
      options: resolved,
      html,
      parse: unified()
        .use(parserPlugins(resolved))
        .use(markdownToHastPlugins(resolved)) as unknown as Pipeline['parse'],
      finish: unified().use(hastPlugins(resolved)).use(rehypeStringify, html) as unknown as Pipeline['finish'],
    };
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

/** `getPipeline`, with the optional plugins the options need loaded by `import()` first. */
async function pipelineFor(options: Options): Promise<Pipeline> {
  const resolved = resolveOptions(options);
  const pipeline = pipelines.get(JSON.stringify(resolved));
  if (pipeline) return pipeline;
  await loadOptionalPlugins(resolved);
  return getPipeline(options);
}

function isSeparator(node: RootContent, separator: string): boolean {
  if (node.type === 'raw') return node.value.trim() === separator;
  return node.type === 'comment' && `<!--${node.value}-->` === separator;
}

/** Removes footnote references: their notes are not part of an excerpt. */
function dropFootnoteReferences(tree: HastRoot): void {
  walk<Element>(tree, (node, index, parent) => {
    if (node.type !== 'element' || node.tagName !== 'sup') return undefined;
    const link = node.children[0];
    if (link?.type === 'element' && link.properties.dataFootnoteRef !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

function excerptTree(tree: HastRoot, separator: string): { excerpt: HastRoot; hasMore: boolean } {
  const children = tree.children;
  let cut = separator ? children.findIndex((node) => isSeparator(node, separator)) : -1;
  let hasMore = cut !== -1;
  if (cut === -1) {
    // No separator: the first block, as Jekyll's first paragraph.
    const first = children.findIndex((node) => node.type === 'element');
    cut = first === -1 ? children.length : first + 1;
    hasMore = children.slice(cut).some((node) => node.type === 'element' && !isFootnoteSection(node));
  }
  const excerpt: HastRoot = { type: 'root', children: structuredClone(children.slice(0, cut)) };
  while (
    excerpt.children.at(-1)?.type === 'text' &&
    (excerpt.children.at(-1) as { value: string }).value.trim() === ''
  ) {
    excerpt.children.pop();
  }
  dropFootnoteReferences(excerpt);
  return { excerpt, hasMore };
}

function isFootnoteSection(node: RootContent): boolean {
  return node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined;
}

function buildToc(headings: readonly Heading[]): TocEntry[] {
  const root: TocEntry[] = [];
  const stack: TocEntry[] = [];
  for (const heading of headings) {
    const entry: TocEntry = { ...heading, children: [] };
    while (stack.length > 0 && stack.at(-1)!.depth >= heading.depth) stack.pop();
    (stack.at(-1)?.children ?? root).push(entry);
    stack.push(entry);
  }
  return root;
}

const wordRe = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

function countWords(tree: HastRoot): number {
  let count = 0;
  walk<HastRoot['children'][number]>(tree, (node) => {
    if (node.type === 'element' && (node.tagName === 'pre' || node.tagName === 'script' || node.tagName === 'style')) {
      return false;
    }
    if (node.type === 'text') count += node.value.match(wordRe)?.length ?? 0;
    return undefined;
  });
  return count;
}

/** Plain text of the excerpt, whitespace folded, cut at a word to at most 160 characters. */
export function plainExcerpt(tree: HastRoot | ElementContent, limit = 160): string {
  const text = toString(tree as HastRoot)
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?]+$/, '')}…`;
}

function toMessages(file: VFile, name: string | undefined, line: number): Message[] {
  return file.messages.map((message) => ({
    message: message.reason,
    file: name,
    line: message.line === undefined ? undefined : message.line + line - 1,
    column: message.column ?? undefined,
    source: message.source ?? undefined,
  }));
}

/**
 * Renders a post's Markdown.
 *
 * @param source The Markdown (after Liquid; without front matter).
 * @param options Pipeline options (see {@link Options}), plus `file`, `line` and `excerpt`.
 * @returns Never throws on malformed Markdown: problems are in `messages`.
 */
export async function render(source: string, options: RenderOptions = {}): Promise<RenderResult> {
  const { cache, ...rest } = options;
  if (!cache) return renderWithKey(source, rest);
  const key = cache.key(source, rest);
  const cached = cache.get(key);
  if (cached) return cached;
  cache.misses++;
  const result = await renderWithKey(source, rest, key);
  cache.set(key, result);
  return result;
}

/**
 * `render` without a cache; `key` is the rendering's key (`renderKey`) when the caller has it (`render` and
 * `renderAll` with a cache), so that it is not computed again for the digest.
 */
export async function renderWithKey(source: string, options: RenderOptions, key?: string): Promise<RenderResult> {
  const pipeline = await pipelineFor(options);
  const line = options.line ?? 1;
  const file = new VFile({ value: source, path: options.file });
  const tree = await pipeline.parse.run(pipeline.parse.parse(file), file);

  let excerpt: HastRoot;
  let hasMore: boolean;
  if (options.excerpt !== undefined) {
    const excerptFile = new VFile({ value: options.excerpt, path: options.file });
    excerpt = await pipeline.parse.run(pipeline.parse.parse(excerptFile), excerptFile);
    dropFootnoteReferences(excerpt);
    hasMore = source.trim() !== '';
  } else {
    ({ excerpt, hasMore } = excerptTree(tree, pipeline.options.excerptSeparator));
  }

  const finished = await pipeline.finish.run(tree, file);
  // The excerpt repeats part of the post: its messages would be duplicates.
  // It repeats the post's first code blocks too: the post's highlighted blocks are given, not made again.
  const excerptOutput = new VFile({
    data: { kramdownOptions: file.data.kramdownOptions, highlightedBlocks: file.data.highlightedBlocks },
  });
  const excerptFinished = await pipeline.finish.run(excerpt, excerptOutput);
  const headings = file.data.headings ?? [];
  const wordCount = countWords(finished);
  const html = toHtmlFast(finished, pipeline.html);
  const excerptHtml = toHtmlFast(excerptFinished, pipeline.html);
  // The images the post and its excerpt read, each with the state it was read in (two states: changed).
  const files = [...new Set([...(file.data.files ?? []), ...(excerptOutput.data.files ?? [])])];
  const stamps = { ...file.data.fileStamps };
  for (const [path, stamp] of Object.entries(excerptOutput.data.fileStamps ?? {})) recordStamp(stamps, path, stamp);
  const rest = {
    excerptText: plainExcerpt(excerptFinished),
    hasMore,
    headings,
    toc: buildToc(headings),
    wordCount,
    readingTime: Math.max(1, Math.round(wordCount / pipeline.options.wordsPerMinute)),
    messages: toMessages(file, options.file, line),
    files,
    fileStamps: files.map((path) => stamps[path]!),
  };
  const digest = resultDigest(key ?? renderKey(source, options), rest.files, rest.fileStamps);
  return { html, excerptHtml, ...rest, digest };
}
