import { expect, test } from 'vitest';
import * as model from '@blog/model';

test('the public API is exactly this list', () => {
  expect(Object.keys(model).sort()).toMatchInlineSnapshot(`
    [
      "BlogSourceError",
      "adjacentPosts",
      "archiveByYear",
      "cleanUrl",
      "cutExcerpt",
      "documentSchema",
      "fillPermalink",
      "formatOffset",
      "formatProblem",
      "frontMatterSchema",
      "jekyllLoader",
      "loadBlog",
      "outputPath",
      "pagePattern",
      "pageSchema",
      "paginate",
      "paginationPath",
      "parseSiteConfig",
      "parseSourceDate",
      "permalinkPattern",
      "permalinkStylePatterns",
      "permalinkStyles",
      "postIndex",
      "postPlaceholders",
      "postSchema",
      "readSeries",
      "relatedPosts",
      "seriesIndex",
      "siteConfigSchema",
      "slugify",
      "sortPosts",
      "splitFrontMatter",
      "tagIndex",
      "tagSlug",
      "themeFiles",
      "toRfc822",
      "toXmlSchema",
      "wallTimeToDate",
      "zonedParts",
    ]
  `);
});
