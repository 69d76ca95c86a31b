import { expect, test } from 'vitest';
import { claimDestinations, reportProblems } from '../../src/load/claim.ts';
import { discover } from '../../src/load/discover.ts';
import { readPages } from '../../src/load/read-pages.ts';
import { readPosts } from '../../src/load/read-posts.ts';
import { resolveRedirects } from '../../src/load/redirects.ts';
import { BlogSourceError } from '../../src/problems.ts';
import { run, stateOf } from './site.ts';

test('claimDestinations: two sources writing one file are a problem naming both, with permalink lines', () => {
  const state = run(
    stateOf({
      '_posts/2024-01-01-hello.md': '---\ntitle: Hello\npermalink: /hello/\n---\n',
      'hello.md': '---\ntitle: Hello page\n\npermalink: /hello/\n---\n',
      'gone.md': '---\ntitle: Gone\nredirect_from: /legacy.html\n---\n',
      'legacy.html': '<p>An old page, copied as it is.</p>',
      'unique.md': '---\ntitle: Unique\n---\n',
    }),
    discover,
    readPosts,
    readPages,
    resolveRedirects,
    claimDestinations,
  );
  expect(state.problems).toEqual([
    {
      file: 'hello.md',
      line: 4,
      field: 'permalink',
      message:
        '`/hello/index.html` is also written by _posts/2024-01-01-hello.md:3; give one of them another `permalink`',
    },
    {
      file: 'legacy.html',
      line: undefined,
      field: 'permalink',
      message: '`/legacy.html` is also written by gone.md; give one of them another `permalink`',
    },
  ]);
  expect(() => reportProblems(state)).toThrow(BlogSourceError);
});

test('reportProblems: a state without problems goes on unchanged', () => {
  const state = stateOf({});
  expect(reportProblems(state)).toBe(state);
});
