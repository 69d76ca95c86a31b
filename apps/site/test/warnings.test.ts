import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// A Jekyll folder Jekyll builds with warnings (two pages and two redirects on one address): the build
// goes on as Jekyll's does, keeps what Jekyll keeps, and says each warning once with its files.
const source = fileURLToPath(new URL('../../../packages/model/test/fixtures/jekyll/conflicts/site/', import.meta.url));
const site = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'blog-warnings-'));
let log: string;

beforeAll(async () => {
  const { stdout, stderr } = await promisify(execFile)(
    join(site, 'node_modules/.bin/astro'),
    ['build', '--outDir', out],
    { cwd: site, env: { ...process.env, BLOG_SOURCE: source, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  log = stdout + stderr;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('what Jekyll warns about, the build says and carries on', () => {
  test('two pages on one address: a warning naming both; the later one is published, as by Jekyll', () => {
    const warning = '`/same/index.html` is written by one.md:3 and two.md:3; the last one is kept';
    expect(log.split('\n').filter((line) => line.includes(warning))).toHaveLength(1);
    expect(log).toContain(`[@blog/model] two.md:3: ${warning}`);
    expect(readFileSync(join(out, 'same/index.html'), 'utf8')).toContain('The other page with that destination.');
  });

  test('two redirects on one address: a warning naming both posts', () => {
    expect(log).toContain(
      '`/old/shared/index.html` is written by _posts/2024-02-01-first-move.md and _posts/2024-02-02-second-move.md',
    );
  });
});

describe("the demo's log (`logger()` of @blog/theme)", () => {
  test('counts the pages Astro writes instead of a line each', () => {
    // Pages Astro's incremental cache kept from an earlier run are counted apart.
    expect(log).toMatch(/└─ \d+ file\(s\)(?:, \d+ of them from the incremental cache,)? written\n/);
    expect(log).not.toMatch(/├─ .*index\.html/);
    expect(log).toMatch(/\d+ page\(s\) Astro wrote as `x\/index\.html` are at their Jekyll names/);
  });
});
