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
      "readSeries",
      "readSiteConfig",
      "seriesIndex",
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

test('`@blog/model/url` gives the URL helper alone, for packages that need nothing else of the model', async () => {
  const url = await import('@blog/model/url');
  expect(Object.keys(url)).toEqual(['isAbsoluteUrl']);
  expect(url.isAbsoluteUrl).toBe(model.isAbsoluteUrl);
});
