export { parseSiteConfig } from './config.js';
export { BlogSourceError, formatProblem, type Problem } from './problems.js';
export { permalinkStyles, siteConfigSchema, type Site, type SiteCollection, type SiteConfigInput } from './site.js';
