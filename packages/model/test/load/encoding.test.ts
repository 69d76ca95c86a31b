import { expect, test } from 'vitest';
import { readSource } from '../../src/load/source.ts';
import { stateOf } from './site.ts';

const latin1 = Buffer.from('---\ntitle: "Caf\xe9"\n---\nR\xe9sum\xe9.\n', 'latin1');

test('readSource: a file that is not valid in the site’s encoding is a warning naming it, never U+FFFD', () => {
  const state = stateOf({ '_posts/2024-01-01-cafe.md': latin1 });
  expect(readSource(state, '_posts/2024-01-01-cafe.md', 'posts')).toBeUndefined();
  expect(state.problems).toEqual([]);
  expect(state.warnings).toEqual([
    {
      file: '_posts/2024-01-01-cafe.md',
      message:
        "not read: the file is not valid UTF-8 (the site's `encoding`); save it as UTF-8, or set `encoding` in _config.yml to the one it is written in",
    },
  ]);
});

test('readSource: `encoding: ISO-8859-1` reads Latin-1 sources as Jekyll does', () => {
  const state = stateOf({ '_config.yml': 'encoding: ISO-8859-1\n', '_posts/2024-01-01-cafe.md': latin1 });
  const source = readSource(state, '_posts/2024-01-01-cafe.md', 'posts')!;
  expect(source.frontMatter.title).toBe('Café');
  expect(source.body).toBe('Résumé.\n');
});

test('an unknown `encoding` is a warning on the configuration, and sources are read as UTF-8', () => {
  const state = stateOf({ '_config.yml': 'encoding: klingon\n' });
  expect(state.encoding).toBe('utf-8');
  expect(state.warnings).toEqual([
    { file: '_config.yml', field: 'encoding', message: 'unknown encoding `klingon`; reading sources as UTF-8' },
  ]);
});
