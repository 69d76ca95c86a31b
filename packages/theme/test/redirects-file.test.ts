import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadBlog, type Blog } from '@blog/model';
import { redirectRules, redirectsFile } from '../src/redirects-file.ts';

let folder: string;
let blog: Blog;

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), text);
};

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'redirects-file-'));
  write('_config.yml', 'title: Notes\nurl: https://notes.example\nbaseurl: /blog\ntimezone: UTC\n');
  write(
    '_posts/2024-05-01-moved.md',
    '---\ntitle: Moved\nredirect_from:\n  - /old-name/\n  - /2024/05/01/first draft.html\n---\nText.\n',
  );
  write('_posts/2024-06-01-gone.md', '---\ntitle: Gone\nredirect_to: https://elsewhere.example/gone/\n---\n');
  write('old-about.md', '---\ntitle: Old about\nredirect_to: /about/\n---\n');
  write('about.md', '---\ntitle: About\nredirect_from: /me/\n---\nAbout.\n');
  blog = await loadBlog(folder);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('redirectsFile: the _redirects file of Netlify and Cloudflare Pages', () => {
  test('one rule per redirect_from and per redirect_to, with the base URL, site targets as paths', () => {
    const rules = redirectRules(blog);
    expect(rules).toEqual([
      {
        from: '/blog/2024/05/01/first%20draft.html',
        to: '/blog/2024/05/01/moved.html',
        sourcePath: '_posts/2024-05-01-moved.md',
      },
      { from: '/blog/old-name/', to: '/blog/2024/05/01/moved.html', sourcePath: '_posts/2024-05-01-moved.md' },
      {
        from: '/blog/2024/06/01/gone.html',
        to: 'https://elsewhere.example/gone/',
        sourcePath: '_posts/2024-06-01-gone.md',
      },
      { from: '/blog/me/', to: '/blog/about.html', sourcePath: 'about.md' },
      { from: '/blog/old-about.html', to: '/blog/about/', sourcePath: 'old-about.md' },
    ]);
    // Every rule matches a redirect page the model claimed.
    expect(rules).toHaveLength(blog.redirects.length + 2);
  });

  test('the text: a comment, then `from to 301` lines, three fields each; `301!` when forced', () => {
    const text = redirectsFile(blog);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# /);
    expect(lines.slice(1)).toHaveLength(5);
    for (const line of lines.slice(1)) expect(line.split(' ')).toHaveLength(3);
    expect(lines).toContain('/blog/2024/05/01/first%20draft.html /blog/2024/05/01/moved.html 301');
    expect(lines).toContain('/blog/2024/06/01/gone.html https://elsewhere.example/gone/ 301');
    expect(redirectsFile(blog, { force: true })).toContain('/blog/old-name/ /blog/2024/05/01/moved.html 301!\n');
  });

  test('no redirect, no file', async () => {
    const plain = { ...blog, redirects: [], posts: [], pages: [], collections: {} };
    expect(redirectsFile(plain)).toBe('');
  });
});
