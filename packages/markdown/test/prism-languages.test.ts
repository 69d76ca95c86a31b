/**
 * Prism's output for a language can depend on which other languages are
 * loaded: a fenced block inside Markdown is highlighted only if its own
 * language is. The engine loads every language, so a block gives the same
 * whatever the posts before it. This file has a process of its own and loads
 * no language itself: the first block it renders is the test.
 */
import { expect, test } from 'vitest';
import { render } from '../src/index.ts';

test('the first block of a process is highlighted as if every language were loaded', async () => {
  const source = '````markdown\nSome text.\n\n```haskell\nmain = putStrLn "hi"\n```\n````\n';
  const { html } = await render(source, { highlight: { engine: 'prism' } });
  expect(html).toContain('<span class="token code-block language-haskell">');
  expect(html).toContain('<span class="token builtin">putStrLn</span>');
});
