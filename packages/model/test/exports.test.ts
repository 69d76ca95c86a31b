import { expect, test } from 'vitest';
import * as model from '@blog/model';

test('the public API is exactly this list', () => {
  expect(Object.keys(model).sort()).toMatchInlineSnapshot(`
    [
      "BlogSourceError",
      "archiveByYear",
      "astroPath",
      "documentSchema",
      "findSiteConfig",
      "frontMatterSchema",
      "hasFrontMatter",
      "htmlDocuments",
      "isAbsoluteUrl",
      "isHtmlDocument",
      "jekyllLoader",
      "loadBlog",
      "outputPath",
      "pageSchema",
      "paginate",
      "parseSiteConfig",
      "postIndex",
      "postSchema",
      "readSiteConfig",
      "siteConfigSchema",
      "sortPosts",
      "startsWithFrontMatter",
      "tagIndex",
      "tagSlug",
      "themeFiles",
      "toRfc822",
      "toXmlSchema",
    ]
  `);
});
