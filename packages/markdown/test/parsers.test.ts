import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { render, type RenderResult } from '@blog/markdown';
import { postBody } from '../bench/corpus.mjs';

// satteri is the default parser because it gives the same output as remark-parse; this keeps it so.
const fixtures = new URL('fixtures/', import.meta.url);
const jekyllPosts = new URL('../../model/test/fixtures/jekyll-site/_posts/', import.meta.url);
const corpus: [string, string][] = [
  ...readdirSync(fixtures).map((name): [string, string] => [
    name,
    readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8'),
  ]),
  ...readdirSync(jekyllPosts)
    .filter((name) => name.endsWith('.md') || name.endsWith('.markdown'))
    .map((name): [string, string] => [
      name,
      readFileSync(new URL(name, jekyllPosts), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''),
    ]),
  ...Array.from({ length: 60 }, (_, n): [string, string] => [`corpus post ${n}`, postBody(n)]),
  [
    'edge cases',
    '* a\n+ b\n\n1) x\n\n> quote\nlazy\n\n***\n\nSetext\n===\n\n<div>\n\n*md in html*\n\n</div>\n\n[ref]\n\n[ref]: /u "t"\n\n`` a ` b ``  \nhard break\\\nend www.example.com https://x.example/a_(b) a@b.example ~~s~~',
  ],
];

const comparable = (result: RenderResult) => ({
  html: result.html,
  excerptHtml: result.excerptHtml,
  headings: result.headings,
  wordCount: result.wordCount,
  messages: result.messages.map((message) => [message.line, message.message]),
});

describe('satteri and remark-parse give the same output', () => {
  test.each(corpus)('%s', async (_, source) => {
    for (const options of [{}, { math: 'katex' as const }, { highlight: false as const, smartypants: false }]) {
      const native = await render(source, { ...options, parser: 'satteri' });
      const reference = await render(source, { ...options, parser: 'remark' });
      expect(comparable(native)).toEqual(comparable(reference));
    }
  });
});
