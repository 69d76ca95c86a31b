import { expect, test } from 'vitest';
import { readCollections } from '../../src/load/read-collections.ts';
import { stateOf } from './site.ts';

test('readCollections: output collections become documents, the others Liquid data; no front matter, no document', () => {
  const state = readCollections(
    stateOf({
      '_config.yml':
        'collections:\n  talks:\n    output: true\n    permalink: /talks/:path/\n  people:\n    output: false\n',
      '_talks/2024/routing-at-home.md': '\ufeff---\ntitle: Routing at home\n---\nSlides.\n',
      '_talks/notes.txt': 'plain text, copied nowhere',
      '_people/ada.md': '---\nname: Ada\n---\nBio.\n',
    }),
  );
  expect(state.problems).toEqual([]);
  expect(state.entries.map((entry) => [entry.kind, entry.document.collection, entry.document.permalink])).toEqual([
    ['collection', 'talks', '/talks/2024/routing-at-home/'],
  ]);
  expect(state.entries[0]!.document.title).toBe('Routing at home');
  expect(state.collectionData).toEqual({
    talks: [],
    people: [{ name: 'Ada', title: '', url: '/people/ada.html', path: '_people/ada.md', content: 'Bio.\n' }],
  });
});
