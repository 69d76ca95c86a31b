import { expect, test } from 'vitest';
import { discover } from '../../src/load/discover.ts';
import { indexDocuments } from '../../src/load/index-documents.ts';
import { readPages } from '../../src/load/read-pages.ts';
import { readPosts } from '../../src/load/read-posts.ts';
import { run, stateOf } from './site.ts';

test('indexDocuments: posts newest first (same date: by path, reversed) and URLs by post name and path', () => {
  const state = run(
    stateOf({
      '_posts/2024-02-01-alpha.md': '---\n---\n',
      '_posts/2024-02-01-beta.md': '---\n---\n',
      '_posts/2023-12-31-older.md': '---\n---\n',
      '_posts/2024-03-01-newest.md': '---\n---\n',
      'about.md': '---\ntitle: About\n---\n',
    }),
    discover,
    readPosts,
    readPages,
    indexDocuments,
  );
  expect(state.posts.map((entry) => entry.document.slug)).toEqual(['newest', 'beta', 'alpha', 'older']);
  expect(state.index.postsByName.get('2024-02-01-beta')).toBe('/2024/02/01/beta.html');
  expect(state.index.postsByName.has('about')).toBe(false);
  expect(state.index.documentsByPath.get('about.md')).toBe('/about.html');
  expect(state.index.documentsByPath.size).toBe(5);
});
