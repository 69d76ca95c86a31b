import { expect, test } from 'vitest';
import { applyDefaults, defaultsFor, readDefaultSets } from '../../src/load/defaults.ts';
import { readSource } from '../../src/load/source.ts';
import { stateOf } from './site.ts';

const config = `defaults:
  - scope: { path: "" }
    values: { layout: default, author: Site }
  - scope: { path: "", type: posts }
    values: { layout: post, seo: { type: BlogPosting } }
  - scope: { path: docs }
    values: { layout: doc, seo: { image: card.png } }
  - scope: { type: pages }
    values: { layout: page }
`;

test('applyDefaults: scoped sets merged under the front matter, the longer path and then the typed scope winning', () => {
  const state = stateOf({ '_config.yml': config, 'docs/a.md': '---\ntitle: A\n---\n', 'about.md': '---\n---\n' });
  // `docs` is the longest path: it overrides the typed set that comes after it.
  expect(applyDefaults(state, 'docs/a.md', 'pages', { title: 'A' })).toEqual({
    title: 'A',
    layout: 'doc',
    author: 'Site',
    seo: { image: 'card.png' },
  });
  expect(applyDefaults(state, 'about.md', 'pages', {})).toEqual({ layout: 'page', author: 'Site' });
  // Drafts are posts; mappings merge; the front matter wins.
  expect(applyDefaults(state, '_drafts/x.md', 'drafts', { author: 'Me', seo: { name: 'X' } })).toEqual({
    layout: 'post',
    author: 'Me',
    seo: { type: 'BlogPosting', name: 'X' },
  });
  const source = readSource(state, 'docs/a.md', 'pages')!;
  expect(source.frontMatter.title).toBe('A');
  expect(source.data.layout).toBe('doc');
});

test('defaultsFor: globs, collections_dir, and Jekyll’s prefix match', () => {
  const { sets } = readDefaultSets(
    [
      { scope: { path: 'content/_guides' }, values: { guide: true } },
      { scope: { path: 'notes/*/drafts' }, values: { hidden: true } },
      { scope: { path: 'doc' }, values: { prefix: true } },
    ],
    '_config.yml',
  );
  expect(defaultsFor(sets, '_guides/setup.md', 'guides', 'content')).toEqual({ guide: true });
  expect(defaultsFor(sets, 'notes/2024/drafts/a.md', 'pages')).toEqual({ hidden: true });
  expect(defaultsFor(sets, 'notes/2024/x/drafts/a.md', 'pages')).toEqual({});
  expect(defaultsFor(sets, 'docs-old/a.md', 'pages')).toEqual({ prefix: true });
});

test('readDefaultSets: an invalid set is a warning naming it, and is ignored', () => {
  const { sets, warnings } = readDefaultSets([{ scope: { path: '' } }, { values: { a: 1 } }], '_config.yml');
  expect(sets).toEqual([{ scope: undefined, values: { a: 1 } }]);
  expect(warnings).toEqual([
    {
      file: '_config.yml',
      field: 'defaults[0]',
      message: 'expected `values` (a mapping) and an optional `scope` with `path` and `type`; this set is ignored',
    },
  ]);
});
