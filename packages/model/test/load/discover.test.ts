import { expect, test } from 'vitest';
import { discover } from '../../src/load/discover.ts';
import { stateOf } from './site.ts';

test('discover lists site files and every `_posts` folder, honouring exclude and include', () => {
  const state = discover(
    stateOf({
      '_config.yml': 'exclude: [drafts-notes/]\ninclude: [_headers]\n',
      'about.md': '---\n---\n',
      'assets/logo.svg': '<svg/>',
      '_posts/2024-01-02-a.md': '---\n---\n',
      'notes/_posts/2024-01-03-b.md': '---\n---\n',
      '_layouts/default.html': '{{ content }}',
      _headers: '/* x',
      '.htaccess': 'Options -Indexes',
      '.secret': 'no',
      'drafts-notes/x.md': '---\n---\n',
      Gemfile: "source 'https://rubygems.org'",
    }),
  );
  expect(state.files).toEqual(['.htaccess', '_headers', 'about.md', 'assets/logo.svg']);
  expect(state.postFolders).toEqual(['_posts', 'notes/_posts']);
});
