import { describe, expect, test } from 'vitest';
import { BlogSourceError, parseSiteConfig } from '@blog/model';

const realistic = `# Site settings
title:	Notes from the packet path
email: ada@example.org
description: >-
  Networking, Debian and infrastructure as code.
baseurl: ""
url: "https://blog.example.org/"
github_username:  ada-example
mastodon:
  - username: ada
    instance: fosstodon.example
timezone: Europe/Madrid
paginate: 14
markdown: kramdown
plugins:
  - jekyll-feed
  - jekyll-paginate
`;

describe('parseSiteConfig', () => {
  test('normalises a real-world _config.yml and keeps every key', () => {
    const site = parseSiteConfig(realistic);
    expect(site.title).toBe('Notes from the packet path');
    expect(site.description).toBe('Networking, Debian and infrastructure as code.');
    expect(site.url).toBe('https://blog.example.org');
    expect(site.baseurl).toBe('');
    expect(site.author).toEqual({ name: 'Notes from the packet path', email: 'ada@example.org', url: undefined });
    expect(site.social).toEqual({ github: 'ada-example', mastodon: { username: 'ada', server: 'fosstodon.example' } });
    expect(site.paginate).toBe(14);
    expect(site.paginatePath).toBe('/page:num/');
    expect(site.excerptSeparator).toBe('<!--more-->');
    expect(site.permalink).toBe('date');
    expect(site.timezone).toBe('Europe/Madrid');
    expect(site.language).toBe('en');
    expect(site.config.markdown).toBe('kramdown');
    expect(site.config.plugins).toEqual(['jekyll-feed', 'jekyll-paginate']);
  });

  test('an empty file gives the defaults', () => {
    const site = parseSiteConfig('');
    expect(site).toMatchObject({
      title: '',
      url: '',
      baseurl: '',
      permalink: 'date',
      future: false,
      paginate: undefined,
    });
  });

  test('reports every invalid key with its line, at once', () => {
    const text = 'title: Blog\nurl: blog.example.org\npaginate: many\ntimezone: Mars/Olympus\n';
    let error: unknown;
    try {
      parseSiteConfig(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BlogSourceError);
    const problems = (error as BlogSourceError).problems;
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'url'],
      [3, 'paginate'],
      [4, 'timezone'],
    ]);
    expect((error as Error).message).toContain('_config.yml:3: `paginate`: expected number, got `many`');
    expect((error as Error).message).toContain('Europe/Madrid');
  });

  test('invalid YAML names the line', () => {
    expect(() => parseSiteConfig('title: [unclosed\nurl: x\n', 'site/_config.yml')).toThrow(
      /site\/_config.yml:\d+: invalid YAML/,
    );
  });

  test('an unclosed quote is reported once, on its own line, not where the text ends', () => {
    const problems = (text: string) => {
      try {
        parseSiteConfig(text, '_config.yml');
      } catch (error) {
        return (error as BlogSourceError).problems.map((problem) => [problem.line, problem.message]);
      }
      return [];
    };
    expect(problems('title: Notes\nurl: https://notes.example\ndescription: "Networks and\npaginate: 5\n')).toEqual([
      [3, 'invalid YAML: Missing closing "quote'],
    ]);
    expect(problems("title: 'It''s mine\nurl: https://notes.example\n")).toEqual([
      [1, "invalid YAML: Missing closing 'quote"],
    ]);
    // A key the parser cannot place makes the following line wrong too: the first problem alone is reported.
    expect(problems('title: a\n  nested: b\nurl: https://notes.example\n')).toHaveLength(1);
  });
});
