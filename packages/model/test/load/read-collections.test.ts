import { expect, test } from 'vitest';
import { readCollections } from '../../src/load/read-collections.ts';
import { stateOf } from './site.ts';

test('readCollections: output collections become documents, the others Liquid data; files without front matter are copied', () => {
  const state = readCollections(
    stateOf({
      '_config.yml':
        'collections:\n  talks:\n    output: true\n    permalink: /talks/:path/\n  people:\n    output: false\n',
      '_talks/2024/routing-at-home.md': '\ufeff---\ntitle: Routing at home\n---\nSlides.\n',
      '_talks/notes.txt': 'plain text, copied as it is',
      '_talks/2023-05-04-Dated-Talk.md': '---\n---\nA date and a slug from the name.\n',
      '_people/ada.md': '---\nname: Ada\n---\nBio.\n',
    }),
  );
  expect(state.problems).toEqual([]);
  // By date (the undated one has none), then by path.
  expect(
    state.entries.map((entry) => [entry.document.collection, entry.document.permalink, entry.document.title]),
  ).toEqual([
    ['talks', '/talks/2024/routing-at-home/', 'Routing at home'],
    ['talks', '/talks/2023-05-04-Dated-Talk/', 'Dated Talk'],
  ]);
  expect(state.entries[1]!.document.date?.toISOString()).toBe('2023-05-04T00:00:00.000Z');
  expect(state.entries[1]!.document.slug).toBe('Dated-Talk');
  expect(state.entries[0]!.document.date).toBeUndefined();
  expect(state.staticFiles.map((file) => file.path)).toEqual(['talks/notes.txt']);
  expect(state.collectionData).toEqual({
    talks: [],
    people: [
      { name: 'Ada', title: 'Ada', slug: 'ada', url: '/people/ada.html', path: '_people/ada.md', content: 'Bio.\n' },
    ],
  });
});

test('readCollections: a permalink that needs a date, on a document without one, is a problem naming the file', () => {
  const state = readCollections(
    stateOf({
      '_config.yml': 'collections:\n  recipes:\n    output: true\n    permalink: /:collection/:year/:title/\n',
      '_recipes/bread.md': '---\ntitle: Bread\n---\n',
    }),
  );
  expect(state.entries).toEqual([]);
  expect(state.problems).toEqual([
    {
      file: '_recipes/bread.md',
      line: undefined,
      field: 'date',
      message:
        'the permalink `/:collection/:year/:title/` needs a date: give `date` in the front matter or name the file `YYYY-MM-DD-bread.md` (Jekyll would use the time of the build)',
    },
  ]);
});
