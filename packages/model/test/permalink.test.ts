import { describe, expect, test } from 'vitest';
import { outputPath } from '@blog/model';
import { fillPermalink, pagePattern, permalinkPattern, postPlaceholders } from '../src/permalink.ts';

const post = {
  date: new Date('2024-02-05T08:07:06Z'),
  slug: 'Hello World!',
  categories: ['Debian', 'networks'],
  outputExt: '.html',
};

describe('post permalinks', () => {
  test.each([
    ['date', '/debian/networks/2024/02/05/Hello-World!.html'],
    ['pretty', '/debian/networks/2024/02/05/Hello-World!/'],
    ['ordinal', '/debian/networks/2024/036/Hello-World!.html'],
    ['weekdate', '/debian/networks/2024/W06/Mon/Hello-World!.html'],
    ['none', '/debian/networks/Hello-World!.html'],
    ['/:year/:i_month/:i_day/:slug', '/2024/2/5/hello-world'],
    ['/:short_year/:month/:day/:hour:minute:second/:title:output_ext', '/24/02/05/080706/Hello-World!.html'],
    ['/blog/:categories/:title/', '/blog/debian/networks/Hello-World!/'],
  ])('%s', (style, expected) => {
    expect(fillPermalink(permalinkPattern(style), postPlaceholders(post))).toBe(expected);
  });

  test('dates come from the site zone', () => {
    const late = { ...post, date: new Date('2024-02-05T23:30:00Z'), categories: [] };
    expect(fillPermalink(permalinkPattern('date'), postPlaceholders(late))).toBe('/2024/02/05/Hello-World!.html');
    expect(fillPermalink(permalinkPattern('date'), postPlaceholders({ ...late, timeZone: 'Europe/Berlin' }))).toBe(
      '/2024/02/06/Hello-World!.html',
    );
  });

  test('no categories leave no empty segment; unsafe characters are escaped', () => {
    const plain = { ...post, categories: [], slug: 'café au lait' };
    expect(fillPermalink(permalinkPattern('date'), postPlaceholders(plain))).toBe('/2024/02/05/caf%C3%A9-au-lait.html');
  });
});

describe('pages and output files', () => {
  test.each([
    ['date', 'about', '.html', '/:path/:basename:output_ext'],
    ['pretty', 'about', '.html', '/:path/:basename/'],
    ['date', 'index', '.html', '/:path/'],
    ['pretty', 'feed', '.xml', '/:path/:basename:output_ext'],
  ])('page pattern for style %s, %s%s', (style, base, ext, expected) => {
    expect(pagePattern(style, base, ext)).toBe(expected);
  });

  test.each([
    ['/about/', 'about/index.html'],
    ['/2023/12/14/post.html', '2023/12/14/post.html'],
    ['/about', 'about.html'],
    ['/', 'index.html'],
    ['/caf%C3%A9/', 'café/index.html'],
  ])('%s is written to %s', (permalink, file) => {
    expect(outputPath(permalink)).toBe(file);
  });
});
