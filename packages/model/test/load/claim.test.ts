import { expect, test } from 'vitest';
import { claimDestinations, reportProblems } from '../../src/load/claim.ts';
import { discover } from '../../src/load/discover.ts';
import { readPages } from '../../src/load/read-pages.ts';
import { readPosts } from '../../src/load/read-posts.ts';
import { resolveRedirects } from '../../src/load/redirects.ts';
import { BlogSourceError } from '../../src/problems.ts';
import { run, stateOf } from './site.ts';

test('claimDestinations: on a shared file the one Jekyll writes last is kept, and a warning names them all', () => {
  const state = run(
    stateOf({
      '_posts/2024-01-01-hello.md': '---\ntitle: Hello\npermalink: /hello/\n---\n',
      'hello.md': '---\ntitle: Hello page\n\npermalink: /hello/\n---\n',
      'gone.md': '---\ntitle: Gone\nredirect_from: [/legacy.html, /old/]\n---\n',
      'legacy.html': '<p>An old page, copied as it is.</p>',
      '_posts/2024-01-02-moved.md': '---\ntitle: Moved\nredirect_from: /old/\n---\n',
      'unique.md': '---\ntitle: Unique\n---\n',
    }),
    discover,
    readPosts,
    readPages,
    resolveRedirects,
    claimDestinations,
  );
  expect(state.problems).toEqual([]);
  // Pages, then redirects, then static files, then posts: the post wins over the page, the file over
  // the redirect, and the post's redirect over the page's.
  expect(state.entries.map((entry) => entry.document.sourcePath).sort()).toEqual([
    '_posts/2024-01-01-hello.md',
    '_posts/2024-01-02-moved.md',
    'gone.md',
    'unique.md',
  ]);
  expect(state.staticFiles.map((file) => file.path)).toEqual(['legacy.html']);
  expect(state.redirects.map((redirect) => [redirect.from, redirect.sourcePath])).toEqual([
    ['/old/', '_posts/2024-01-02-moved.md'],
  ]);
  expect(state.warnings.map((warning) => [warning.file, warning.line, warning.message])).toEqual([
    [
      '_posts/2024-01-01-hello.md',
      3,
      '`/hello/index.html` is written by hello.md:4 and _posts/2024-01-01-hello.md:3; the last one is kept, as Jekyll writes it last: give the others another `permalink`',
    ],
    [
      'legacy.html',
      undefined,
      '`/legacy.html` is written by gone.md and legacy.html; the last one is kept, as Jekyll writes it last: give the others another `permalink`',
    ],
    [
      '_posts/2024-01-02-moved.md',
      undefined,
      '`/old/index.html` is written by gone.md and _posts/2024-01-02-moved.md; the last one is kept, as Jekyll writes it last: give the others another `permalink`',
    ],
  ]);
});

test('reportProblems: any problem fails the load with all of them', () => {
  const state = stateOf({});
  state.problems.push({ file: 'a.md', line: 2, message: 'broken' });
  expect(() => reportProblems(state)).toThrow(BlogSourceError);
});

test('reportProblems: a state without problems goes on unchanged', () => {
  const state = stateOf({});
  expect(reportProblems(state)).toBe(state);
});
