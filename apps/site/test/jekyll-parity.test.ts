/**
 * The built site against Jekyll 4.3: the large fixture of `@blog/model`
 * (`packages/model/test/fixtures/jekyll/large/`), built through `BLOG_SOURCE`, must
 * write every file Jekyll wrote (documents, static files, paginator pages,
 * feed, redirects), none it did not publish, the feed items of jekyll-feed
 * and the redirect targets of jekyll-redirect-from. Differences listed in
 * `jekyll-parity-known.json` are allowed; a newly failing check or a listed
 * one that passes fails the test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const fixture = fileURLToPath(new URL('../../../packages/model/test/fixtures/jekyll/large/', import.meta.url));
const knownFile = fileURLToPath(new URL('jekyll-parity-known.json', import.meta.url));
const site = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'blog-jekyll-parity-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Record {
  outputs: string[];
  documents: { path: string; output?: string; url: string }[];
  not_published: string[];
  paginator: { url: string }[];
  feed: { link: string; title: string; published: string; categories: string[] }[];
  redirects: { from: string; output: string; to: string }[];
}
const record = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as Record;

beforeAll(() => {
  execFileSync(join(site, 'node_modules/.bin/astro'), ['build', '--outDir', out], {
    cwd: site,
    env: { ...process.env, BLOG_SOURCE: join(fixture, 'site'), ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
}, 300_000);

interface Check {
  id: string;
  expected: unknown;
  actual: unknown;
}

function siteChecks(): Check[] {
  const checks: Check[] = [];
  const check = (id: string, expected: unknown, actual: unknown) => checks.push({ id, expected, actual });
  // Files only Jekyll's minima theme and jekyll-redirect-from's index write; our theme has its own.
  const themeOnly = new Set([
    'assets/main.css',
    'assets/main.css.map',
    'assets/minima-social-icons.svg',
    'redirects.json',
  ]);
  for (const path of record.outputs) {
    if (themeOnly.has(path)) continue;
    check(`writes ${path}`, true, existsSync(join(out, path)));
  }
  for (const source of record.not_published) {
    const name = source.replace(/^.*\/(\d{4}-\d\d-\d\d-)?/, '').replace(/\.[^.]+$/, '');
    check(
      `does not publish ${source}`,
      false,
      existsSync(join(out, name)) || readFileSync(join(out, 'feed.xml'), 'utf8').includes(`/${name}`),
    );
  }
  const channel = new XMLParser({ isArray: (name) => name === 'item' || name === 'category' }).parse(
    readFileSync(join(out, 'feed.xml'), 'utf8'),
  ).rss.channel as { item: { link: string; title: string; pubDate: string; category?: string[] }[] };
  check('feed item count', record.feed.length, channel.item.length);
  record.feed.forEach((entry, i) => {
    const item = channel.item[i];
    check(`feed item ${i + 1} link`, entry.link, item?.link);
    check(`feed item ${i + 1} title`, entry.title, item?.title);
    check(`feed item ${i + 1} date`, Date.parse(entry.published), item ? Date.parse(item.pubDate) : undefined);
    check(`feed item ${i + 1} categories`, entry.categories, item?.category ?? []);
  });
  for (const redirect of record.redirects) {
    const file = join(out, redirect.output);
    const html = existsSync(file) ? readFileSync(file, 'utf8') : '';
    check(
      `redirect ${redirect.from}`,
      true,
      html.includes(`url=${redirect.to}`) || html.includes(`href="${redirect.to}"`),
    );
  }
  return checks;
}

const known = existsSync(knownFile) ? (JSON.parse(readFileSync(knownFile, 'utf8')) as { [id: string]: string }) : {};

describe('BLOG_SOURCE builds what Jekyll 4.3 builds', () => {
  test('files, feed items and redirects of the large fixture', () => {
    const checks = siteChecks();
    const pass = (c: Check) => isDeepStrictEqual(c.expected, c.actual);
    console.log(`jekyll parity: ${checks.filter(pass).length}/${checks.length} checks (built site)`);
    const failing = checks.filter((c) => !pass(c));
    if (process.env.JEKYLL_PARITY_UPDATE) {
      const next: { [id: string]: string } = {};
      for (const c of failing) next[c.id] = known[c.id] ?? 'not fixed yet';
      writeFileSync(knownFile, `${JSON.stringify(next, null, 2)}\n`);
      return;
    }
    expect(failing.filter((c) => !(c.id in known))).toEqual([]);
    const ids = new Set(failing.map((c) => c.id));
    expect(
      Object.keys(known).filter((id) => !ids.has(id)),
      'listed but equal to Jekyll now: remove them',
    ).toEqual([]);
  });
});
