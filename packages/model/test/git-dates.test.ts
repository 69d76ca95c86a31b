import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadBlog } from '@blog/model';

let folder: string | undefined;

function site(files: Record<string, string>, root = mkdtempSync(join(tmpdir(), 'git-dates-'))) {
  folder = root;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Commits everything with fixed author and committer dates, so the test never depends on the clock. */
function commit(root: string, date: string, message: string) {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
  execFileSync('git', ['add', '-A'], { cwd: root, env });
  execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], { cwd: root, env });
}

afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

const config = '_config.yml';
const post = (front: string) => `---\n${front}\n---\nText.\n`;

describe('gitDates: updated dates from the last commit of each post', () => {
  test('the last commit that changed the file; front matter wins; files never committed keep none', async () => {
    // The site is a subfolder of the repository, as the demo is.
    const repo = mkdtempSync(join(tmpdir(), 'git-dates-'));
    execFileSync('git', ['init', '-q', repo]);
    const root = site(
      {
        [config]: 'title: Dates\nurl: https://dates.example\ntimezone: UTC\n',
        '_posts/2024-01-01-edited.md': post('title: Edited'),
        '_posts/2024-01-02-untouched.md': post('title: Untouched'),
        '_posts/2024-01-03-own-date.md': post('title: Own date\nlast_modified_at: 2024-03-03 10:00 +0000'),
      },
      join(repo, 'blog'),
    );
    folder = repo;
    commit(repo, '2024-02-01T12:00:00+01:00', 'first');
    writeFileSync(join(root, '_posts/2024-01-01-edited.md'), post('title: Edited\n# a fix'));
    writeFileSync(
      join(root, '_posts/2024-01-03-own-date.md'),
      post('title: Own date\nlast_modified_at: 2024-03-03 10:00 +0000\n# x'),
    );
    commit(repo, '2024-04-05T08:30:00+02:00', 'second');
    writeFileSync(join(root, '_posts/2024-01-04-new.md'), post('title: New'));
    const blog = await loadBlog(root, { gitDates: true });
    const updated = Object.fromEntries(blog.posts.map((item) => [item.title, item.updated?.toISOString()]));
    expect(updated).toEqual({
      Edited: '2024-04-05T06:30:00.000Z',
      Untouched: '2024-02-01T11:00:00.000Z',
      'Own date': '2024-03-03T10:00:00.000Z',
      New: undefined,
    });
    expect(blog.warnings).toEqual([]);
    // Off by default.
    const plain = await loadBlog(root);
    expect(plain.posts.find((item) => item.title === 'Edited')?.updated).toBeUndefined();
  });

  test('outside a git repository: one warning, front matter only', async () => {
    const root = site({
      [config]: 'title: Dates\n',
      '_posts/2024-01-01-a.md': post('title: A'),
      '_posts/2024-01-02-b.md': post('title: B\nlast_modified_at: 2024-02-02'),
    });
    const blog = await loadBlog(root, { gitDates: true });
    expect(blog.warnings).toEqual([
      {
        file: '.',
        field: 'gitDates',
        message: 'the site folder is not in a git repository: updated dates come from front matter only',
      },
    ]);
    expect(blog.posts.map((item) => item.updated?.toISOString())).toEqual(['2024-02-02T00:00:00.000Z', undefined]);
  });
});
