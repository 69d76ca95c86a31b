import { expect, test } from 'vitest';
import { discover } from '../../src/load/discover.ts';
import { readPages } from '../../src/load/read-pages.ts';
import { run, stateOf } from './site.ts';

test('readPages: pages with their URLs, static files, and what the theme replaces', () => {
  const state = run(
    stateOf({
      '_config.yml': 'permalink: pretty\n',
      'about.md': '---\ntitle: About\n---\nWho.\n',
      'docs/index.html': '\ufeff---\ntitle: Docs\n---\n<p>Docs</p>\n',
      'moved.md': '---\ntitle: Moved\nredirect_to: /about/\n---\n',
      'feed.xml': '---\n---\n<rss/>',
      'assets/main.scss': '---\n---\n@import "x";',
      'assets/photo.jpg': 'not really a jpeg',
    }),
    discover,
    readPages,
  );
  expect(state.entries.map((entry) => [entry.document.sourcePath, entry.document.permalink, entry.page])).toEqual([
    ['about.md', '/about/', { nav: true }],
    ['docs/index.html', '/docs/', { nav: true }],
    ['moved.md', '/moved/', { nav: false }],
  ]);
  expect(state.staticFiles.map((file) => file.path)).toEqual(['assets/photo.jpg']);
  expect(state.skipped.map((entry) => entry.file)).toEqual(['assets/main.scss', 'feed.xml']);
});
