import { expect, test } from 'vitest';
import { readData } from '../../src/load/read-data.ts';
import { stateOf } from './site.ts';

test('readData: YAML and JSON by file name, folders nest, bad JSON is a problem, other files a warning', () => {
  const state = readData(
    stateOf({
      '_data/links.yml': '- name: Debian\n  url: https://www.debian.org\n',
      '_data/people/ada.json': '{"name": "Ada"}',
      '_data/broken.json': '{"name": ',
      '_data/notes.txt': 'ignored',
    }),
  );
  expect(state.data).toEqual({
    links: [{ name: 'Debian', url: 'https://www.debian.org' }],
    people: { ada: { name: 'Ada' } },
  });
  expect(state.problems).toEqual([
    expect.objectContaining({ file: '_data/broken.json', message: expect.stringMatching(/^invalid JSON/) }),
  ]);
  expect(state.warnings).toEqual([expect.objectContaining({ file: '_data/notes.txt' })]);
});
