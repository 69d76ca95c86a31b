import { beforeAll, describe, expect, test } from 'vitest';
import { getSiteData, type SiteData } from '../src/data.ts';
import {
  cacheKeyValue,
  pageHead,
  pageTitle,
  redirectTarget,
  routeParam,
  siteEntries,
  staticPaths,
  type EntryOf,
} from '../src/routing.ts';

let data: SiteData;

beforeAll(async () => {
  data = await getSiteData();
});

describe('siteEntries: every HTML page of the blog', () => {
  test('home pages, posts, pages, collection documents and redirects, then the theme’s own pages', () => {
    const entries = siteEntries(data);
    const paths = (kind: string) => entries.filter(({ entry }) => entry.kind === kind).map(({ path }) => path);
    expect(paths('home')).toEqual(data.home.map((page) => page.path));
    expect(paths('home')).toEqual(['/', '/page2/', '/page3/']);
    expect(paths('post')).toEqual(data.blog.posts.map((post) => post.permalink));
    expect(paths('page')).toContain('/about/');
    expect(paths('page')).toContain('/projects/nft-tools/');
    // The Liquid-made feed.xml page is not HTML: written as it is, not through the page route.
    expect(paths('page')).not.toContain('/feed.xml');
    expect(paths('redirect')).toEqual(data.blog.redirects.map((redirect) => redirect.from));
    expect(paths('search')).toEqual(['/search/']);
    expect(paths('tags')).toEqual(['/tags/']);
    expect(paths('tag')).toContain('/tags/wikimedia-foundation/');
  });

  test('the site’s own archive page replaces the theme’s', () => {
    expect(data.themeArchive).toBe(false);
    expect(siteEntries(data).some(({ entry }) => entry.kind === 'archive')).toBe(false);
    expect(siteEntries({ ...data, themeArchive: true }).filter(({ path }) => path === '/archive/')).toEqual([
      { path: '/archive/', entry: { kind: 'archive' } },
    ]);
  });

  test('without search and tag pages, neither their routes', () => {
    const config = { ...data.config, search: false, tagPages: false };
    const kinds = new Set(siteEntries({ ...data, config }).map(({ entry }) => entry.kind));
    expect(kinds.has('search') || kinds.has('tags') || kinds.has('tag')).toBe(false);
  });
});

describe('routeParam: the [...path] parameter of a site path', () => {
  test.each([
    ['/', undefined],
    ['/page2/', 'page2'],
    ['/about/', 'about'],
    ['/2023/12/14/terraform-to-tofu.html', '2023/12/14/terraform-to-tofu'],
    ['/caf%C3%A9/menu.html', 'café/menu'],
  ])('%s -> %s', (path, param) => {
    expect(routeParam(path)).toBe(param);
  });

  test('no two pages of the fixture share a parameter', () => {
    const params = staticPaths(data).map((path) => path.params.path ?? '');
    expect(new Set(params).size).toBe(params.length);
  });
});

describe('cacheKeyValue and the keys of staticPaths', () => {
  const post = () => siteEntries(data).find(({ entry }) => entry.kind === 'post')!.entry as EntryOf<'post'>;

  test('a post’s key covers its previous/next and related posts, and its series', () => {
    const entry = post();
    expect(cacheKeyValue(data, entry)).toEqual([
      entry,
      data.adjacent(entry.post),
      data.related(entry.post),
      data.seriesOf(entry.post),
    ]);
    const otherNeighbour = { ...data, adjacent: () => ({ previous: data.blog.posts.at(-1) }) };
    expect(data.cacheKey(cacheKeyValue(otherNeighbour, entry))).not.toBe(data.cacheKey(cacheKeyValue(data, entry)));
  });

  test('a tag page’s key is its own page of posts, not the whole tag', () => {
    const tag = siteEntries(data).find(({ entry }) => entry.kind === 'tag')!.entry as EntryOf<'tag'>;
    const value = cacheKeyValue(data, tag);
    expect(value).toEqual(['tag', tag.tag.name, tag.tag.slug, tag.page]);
  });

  test('every page has a key, and pages with different data have different keys', () => {
    const keys = staticPaths(data).map((path) => path.cacheKey);
    expect(keys.every((key) => typeof key === 'string' && key.length > 20)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the head of a page', () => {
  test('titles by kind', () => {
    const [first, second] = data.home;
    expect(pageTitle(data, { kind: 'home', page: first! })).toBeUndefined();
    expect(pageTitle(data, { kind: 'home', page: second! })).toBe('Page: 2 of 3');
    expect(pageTitle(data, post())).toBe(post().post.title);
    expect(pageTitle(data, { kind: 'tag', tag: data.tags[0]!, page: data.home[0]! })).toBe(
      `Posts tagged “${data.tags[0]!.name}”`,
    );
  });

  test('a post is an article with its dates, tags, excerpt and BlogPosting data', () => {
    const { post: item } = post();
    const head = pageHead(data, { kind: 'post', post: item });
    expect(head).toMatchObject({ type: 'article', published: item.date, tags: item.tags });
    expect(head.description).toBe(data.rendered.get(item.sourcePath)!.excerptText);
    expect(head.jsonLd).toMatchObject({ '@type': 'BlogPosting', headline: item.title, url: item.url });
  });

  test('redirects: redirect_from entries and redirect_to documents', () => {
    const redirect = data.blog.redirects[0]!;
    expect(redirectTarget({ kind: 'redirect', redirect })).toBe(redirect.to);
    expect(redirectTarget(post())).toBe(post().post.redirectTo);
    expect(redirectTarget({ kind: 'archive' })).toBeUndefined();
  });

  function post(): EntryOf<'post'> {
    return { kind: 'post', post: data.blog.posts[0]! };
  }
});
