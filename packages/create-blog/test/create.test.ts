import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as create from '@blog/create-blog';
import { loadBlog, parseSiteConfig } from '@blog/model';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'create-blog-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

test('the public API is exactly this list', () => {
  expect(Object.keys(create).sort()).toEqual(['CreateBlogError', 'createBlog', 'templateFiles']);
});

describe('createBlog', () => {
  test('writes an Astro project with the theme, a Jekyll-style blog, and a stylesheet wired through customCss', () => {
    const folder = join(work, 'My Blog');
    const files = create.createBlog(folder, { date: '2024-05-01' });
    expect(files.sort()).toEqual([
      '.gitignore',
      'README.md',
      'astro.config.mjs',
      'blog/_config.yml',
      'blog/_posts/2024-05-01-welcome.md',
      'blog/about.md',
      'package.json',
      'src/styles/custom.css',
    ]);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const theme = JSON.parse(readFileSync(new URL(import.meta.resolve('@blog/theme/package.json')), 'utf8'));
    expect(manifest).toMatchObject({ name: 'my-blog', private: true, type: 'module' });
    expect(manifest.dependencies).toEqual({
      '@blog/theme': `^${theme.version}`,
      astro: expect.stringMatching(/^\^7\./),
      sharp: expect.stringMatching(/^\^0\./),
    });
    const config = readFileSync(join(folder, 'astro.config.mjs'), 'utf8');
    expect(config).toContain("source: './blog'");
    expect(config).toContain("customCss: ['./src/styles/custom.css']");
  });

  test('the blog folder loads with @blog/model: the post, the about page, the site’s url and title', async () => {
    const folder = join(work, 'notes');
    create.createBlog(folder, { date: '2024-05-01', title: 'Field notes', url: 'https://notes.example' });
    const site = parseSiteConfig(readFileSync(join(folder, 'blog/_config.yml'), 'utf8'), 'blog/_config.yml');
    expect(site).toMatchObject({ title: 'Field notes', url: 'https://notes.example' });
    const blog = await loadBlog(join(folder, 'blog'), { now: new Date('2024-06-01') });
    expect(blog.warnings).toEqual([]);
    expect(blog.posts.map((post) => [post.title, post.permalink, post.tags])).toEqual([
      ['Welcome', '/2024/05/01/welcome.html', ['meta']],
    ]);
    expect(blog.pages.map((page) => [page.title, page.permalink])).toEqual([['About', '/about/']]);
  });

  test('a folder with files is refused; a bad date is an error naming the option', () => {
    const folder = join(work, 'taken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    expect(() => create.createBlog(folder)).toThrow(
      new create.CreateBlogError(`${folder} is not empty: choose a new folder for the blog`),
    );
    expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('mine');
    expect(() => create.createBlog(join(work, 'new'), { date: '1/5/2024' })).toThrow(
      '`date`: expected a date like `2024-05-01`, got `1/5/2024`',
    );
  });
});

describe('the create-blog command', () => {
  const cli = new URL('../dist/cli.js', import.meta.url).pathname;

  test('writes the blog and says what to run next, in the words of the package manager', () => {
    const output = execFileSync(process.execPath, [cli, 'site', '--title', 'Lab'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v24.0.0 linux x64' },
    });
    expect(output).toContain('A new blog is in site/. Next:\n\n  cd site\n  pnpm install\n  pnpm dev\n');
    expect(readFileSync(join(work, 'site/blog/_config.yml'), 'utf8')).toContain('title: "Lab"');
  });

  test('fails with a message, not a stack, on a folder that is not empty', () => {
    mkdirSync(join(work, 'site'));
    writeFileSync(join(work, 'site/x'), '');
    let stderr = '';
    try {
      execFileSync(process.execPath, [cli, 'site'], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
    }
    expect(stderr).toBe('create-blog: site is not empty: choose a new folder for the blog\n');
  });
});
