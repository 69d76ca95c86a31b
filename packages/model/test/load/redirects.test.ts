import { expect, test } from 'vitest';
import { discover } from '../../src/load/discover.ts';
import { readPages } from '../../src/load/read-pages.ts';
import { resolveRedirects } from '../../src/load/redirects.ts';
import { run, stateOf } from './site.ts';

test('resolveRedirects: `redirect_to` made absolute on the site, `redirect_from` as redirect pages', () => {
  const state = run(
    stateOf({
      '_config.yml': 'url: https://wire.example.net\nbaseurl: /blog\n',
      'old.md': '---\ntitle: Old\nredirect_to: new/\n---\n',
      'away.md': '---\ntitle: Away\nredirect_to: https://elsewhere.example.org/x\n---\n',
      'new.md': '---\ntitle: New\nredirect_from: [/previous/, /older.html]\n---\n',
    }),
    discover,
    readPages,
    resolveRedirects,
  );
  expect(state.entries.map((entry) => [entry.document.sourcePath, entry.document.redirectTo])).toEqual([
    ['away.md', 'https://elsewhere.example.org/x'],
    ['new.md', undefined],
    ['old.md', 'https://wire.example.net/blog/new/'],
  ]);
  expect(state.redirects).toEqual([
    {
      from: '/previous/',
      outputPath: 'previous/index.html',
      to: 'https://wire.example.net/blog/new.html',
      sourcePath: 'new.md',
    },
    {
      from: '/older.html',
      outputPath: 'older.html',
      to: 'https://wire.example.net/blog/new.html',
      sourcePath: 'new.md',
    },
  ]);
});
