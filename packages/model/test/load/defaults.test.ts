import { expect, test } from 'vitest';
import { applyDefaults } from '../../src/load/defaults.ts';
import { readSource } from '../../src/load/source.ts';
import { stateOf } from './site.ts';

test('applyDefaults: without defaults support, every reading phase sees the front matter as written', () => {
  const state = stateOf({ 'about.md': '---\ntitle: About\nlayout: page\n---\n' });
  expect(applyDefaults(state, 'about.md', 'pages', { title: 'About' })).toEqual({ title: 'About' });
  const source = readSource(state, 'about.md', 'pages')!;
  expect(source.type).toBe('pages');
  expect(source.data).toEqual({ title: 'About', layout: 'page' });
});
