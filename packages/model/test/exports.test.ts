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

test("`@blog/model/typography` gives kramdown's typography, for `@blog/markdown` and Liquid's `smartify`", async () => {
  const typography = await import('@blog/model/typography');
  expect(Object.keys(typography).sort()).toEqual(['hasTypography', 'punctuation', 'smarten', 'smartify']);
  expect(typography.smarten(`"It's" -- done...`)).toBe('\u201CIt\u2019s\u201D \u2013 done\u2026');
});
