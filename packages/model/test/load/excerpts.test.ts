import { expect, test } from 'vitest';
import { discover } from '../../src/load/discover.ts';
import { cutExcerpts } from '../../src/load/excerpts.ts';
import { readPages } from '../../src/load/read-pages.ts';
import { readPosts } from '../../src/load/read-posts.ts';
import { run, stateOf } from './site.ts';

test('cutExcerpts: the site separator, the post’s own, or the front matter’s excerpt; pages have none', () => {
  const state = run(
    stateOf({
      '_config.yml': 'excerpt_separator: <!--cut-->\n',
      '_posts/2024-01-01-site.md': '---\n---\nIntro.\n<!--cut-->\nRest.\n',
      '_posts/2024-01-02-own.md': '---\nexcerpt_separator: "%%"\n---\nFirst.%%Second.\n',
      '_posts/2024-01-03-given.md': '---\nexcerpt: Written by hand.\n---\nBody.\n',
      '_posts/2024-01-04-short.md': '---\n---\nOnly one paragraph.\n',
      'about.md': '---\ntitle: About\n---\nIntro.\n',
    }),
    discover,
    readPosts,
    readPages,
    cutExcerpts,
  );
  expect(state.entries.map((entry) => entry.post && [entry.post.excerpt, entry.post.hasMore])).toEqual([
    ['Intro.', true],
    ['First.', true],
    ['Written by hand.', true],
    ['Only one paragraph.', false],
    undefined,
  ]);
});
