export { parseSiteConfig } from './config.js';
export { formatOffset, parseSourceDate, toRfc822, toXmlSchema, wallTimeToDate, zonedParts } from './date.js';
export type { SourceDate, ZonedParts } from './date.js';
export { jekyllLoader, type JekyllLoaderContext, type JekyllLoaderOptions } from './astro-loader.js';
export { cutExcerpt, type ExcerptSource } from './excerpt.js';
export { splitFrontMatter, type SplitSource } from './front-matter.js';
export { loadBlog, themeFiles, type LoadOptions } from './load.js';
export {
  cleanUrl,
  fillPermalink,
  outputPath,
  pagePattern,
  permalinkPattern,
  permalinkStylePatterns,
  postPlaceholders,
  type PostPermalinkInput,
} from './permalink.js';
export { BlogSourceError, formatProblem, type Problem } from './problems.js';
export { documentSchema, frontMatterSchema, pageSchema, postSchema, type FrontMatter } from './schema.js';
export { permalinkStyles, siteConfigSchema, type Site, type SiteCollection, type SiteConfigInput } from './site.js';
export {
  readSeries,
  seriesIndex,
  type SeriesEntry,
  type SeriesIndex,
  type SeriesOptions,
  type SeriesPlace,
} from './series.js';
export { slugify, type SlugMode } from './slug.js';
export type { Blog, Document, DocumentFormat, Page, Post, Redirect, StaticFile } from './types.js';
export {
  adjacentPosts,
  archiveByYear,
  paginate,
  paginationPath,
  postIndex,
  relatedPosts,
  sortPosts,
  tagIndex,
  tagSlug,
  type Pagination,
  type PostIndex,
  type TagEntry,
} from './views.js';
