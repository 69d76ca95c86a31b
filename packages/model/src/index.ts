export { findSiteConfig, parseSiteConfig, readSiteConfig } from './config.js';
export { toRfc822, toXmlSchema } from './date.js';
export { htmlDocuments, isHtmlDocument } from './documents.js';
export { jekyllLoader, type JekyllLoaderContext, type JekyllLoaderOptions } from './astro-loader.js';
export { hasFrontMatter, startsWithFrontMatter } from './front-matter.js';
export { loadBlog, themeFiles, type LoadOptions } from './load/index.js';
export { astroPath, outputPath } from './permalink.js';
export { BlogSourceError, type Problem } from './problems.js';
export { documentSchema, frontMatterSchema, pageSchema, postSchema, type FrontMatter } from './schema.js';
export { siteConfigSchema, type Site, type SiteCollection, type SiteConfigInput } from './site.js';
export type { Blog, Document, DocumentFormat, Page, Post, Redirect, StaticFile } from './types.js';
export { isAbsoluteUrl } from './url.js';
export {
  archiveByYear,
  paginate,
  postIndex,
  sortPosts,
  tagIndex,
  tagSlug,
  type Pagination,
  type PostIndex,
  type TagEntry,
} from './views.js';
