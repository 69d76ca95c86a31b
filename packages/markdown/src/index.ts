export { RenderCache } from './cache.js';
export {
  resolveOptions,
  type HighlightOptions,
  type ShikiThemes,
  type Options,
  type ResolvedOptions,
} from './options.js';
export { createProcessor, type MarkdownProcessor } from './processor.js';
export type { Heading } from './rehype-headings.js';
export { compactResult, renderAll, type RenderAllOptions, type RenderItem } from './render-all.js';
export { documentRenderItem, renderDocument, type RenderPostOptions, type RenderSite } from './render-post.js';
export { plainExcerpt, render, type Message, type RenderOptions, type RenderResult, type TocEntry } from './render.js';
