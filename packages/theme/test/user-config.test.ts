import { describe, expect, test } from 'vitest';
import { ThemeConfigSchema, defaultStrings, resolveThemeConfig } from '../src/user-config.ts';

describe('resolveThemeConfig: one schema for the options', () => {
  test('every default, with paths resolved against the project root', () => {
    expect(resolveThemeConfig(undefined, '/site')).toEqual({
      source: '/site',
      drafts: false,
      markdown: {},
      cacheDir: '/site/node_modules/.cache/@blog/theme',
      strings: defaultStrings,
      components: {},
      customCss: [],
      search: true,
      searchPartSize: undefined,
      feedLimit: 10,
      relatedPosts: 4,
      tagPages: true,
      incremental: true,
      redirects: { force: false },
      series: true,
      gitDates: false,
      socialImages: false,
    });
  });

  test('what a site sets wins; strings are merged with the defaults', () => {
    const config = resolveThemeConfig(
      { source: './blog', search: { partSize: 50 }, strings: { readMore: 'leer más' }, future: true },
      '/site',
    );
    expect(config).toMatchObject({ source: '/site/blog', search: true, searchPartSize: 50, future: true });
    expect(config.strings).toEqual({ ...defaultStrings, readMore: 'leer más' });
    expect(resolveThemeConfig({ search: false }, '/site').search).toBe(false);
    expect(resolveThemeConfig({ redirects: false }, '/site').redirects).toBe(false);
    expect(resolveThemeConfig({ redirects: { force: true } }, '/site').redirects).toEqual({ force: true });
  });

  test('the schema is the one place of the defaults', () => {
    expect(ThemeConfigSchema.parse({}).feedLimit).toBe(10);
    expect(defaultStrings.pageOf).toBe('Page: {page} of {total}');
  });

  test('an error lists every wrong option with its path', () => {
    const call = () =>
      resolveThemeConfig(
        { feedLimit: 'ten', search: { partSize: 0 }, drafts: 'yes', components: { Sidebar: './x.astro' } } as never,
        '/site',
      );
    expect(call).toThrow(/^\[@blog\/theme\] invalid options of blog\(\):\n/);
    const message = (() => {
      try {
        call();
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain('`feedLimit`: expected a whole number, got "ten"');
    expect(message).toContain('`search.partSize`: expected a whole number of at least 1, got 0');
    expect(message).toContain('`drafts`: expected `true` or `false`, got "yes"');
    expect(message).toContain('`components.Sidebar`: no such component; expected one of Head, Header, Footer');
  });
});

describe('unknown options', () => {
  const message = (options: unknown) => {
    try {
      resolveThemeConfig(options as never, '/site');
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected an error');
  };

  test('a misspelt option is an error naming the closest valid one', () => {
    expect(message({ sourc: './blog' })).toContain('`sourc`: unknown option; did you mean `source`?');
    expect(message({ feedlimit: 5 })).toContain('`feedlimit`: unknown option; did you mean `feedLimit`?');
    expect(message({ strings: { readmore: 'more' } })).toContain(
      '`strings.readmore`: unknown option; did you mean `strings.readMore`?',
    );
    expect(message({ search: { partsize: 5 } })).toContain(
      '`search.partsize`: unknown option; did you mean `search.partSize`?',
    );
  });

  test('a key close to none gets the list of valid ones, no guess', () => {
    const text = message({ colourScheme: 'dark' });
    expect(text).toContain('`colourScheme`: unknown option (valid: source, drafts, future, markdown');
    expect(text).not.toContain('did you mean');
  });

  test('through the integration: the error is thrown when Astro sets it up', async () => {
    const { default: blog } = await import('../src/index.ts');
    const setup = blog({ sourc: './blog' } as never).hooks['astro:config:setup']!;
    expect(() => setup({ config: { root: new URL('file:///site/') } } as never)).toThrow(
      '`sourc`: unknown option; did you mean `source`?',
    );
  });
});
