/**
 * The demo built with Prism (`BLOG_HIGHLIGHT=prism`), as a site that picks
 * the faster highlighter builds it: its code in Prism's tokens (nftables
 * included, with no unknown language), the pages with code valid for the Nu
 * HTML Checker, and no serious axe violation, nor a contrast failure in the
 * code, in light and dark.
 */
import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserTimeout, chromiumFlags, chromiumPath, htmlErrors, htmlFiles, read, serve } from './dist.ts';
import { seriousViolations } from './axe.ts';

const site = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'blog-prism-build-'));
let log = '';
let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  // Its messages and warnings, both streams: an unknown language is a warning.
  const build = spawnSync(join(site, 'node_modules/.bin/astro'), ['build', '--outDir', out], {
    cwd: site,
    env: { ...process.env, BLOG_HIGHLIGHT: 'prism', ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  log = `${build.stdout}${build.stderr}`;
  if (build.status !== 0) throw new Error(`the Prism build failed:\n${log}`);
  ({ url: base, server } = await serve(out));
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(out, { recursive: true, force: true });
});

const withCode = () => htmlFiles(out).filter((file) => read(file, out).includes('class="token '));

describe('the demo built with Prism', () => {
  test('code is in Prism’s tokens, nftables too, and every language is known', () => {
    const nft = read('2021/06/02/first-steps-with-nftables.html', out);
    expect(nft).toContain('<pre tabindex="0" class="highlight prism"><code class="language-nft">');
    expect(nft).toContain('<span class="token keyword">table</span>');
    expect(nft).not.toContain('shiki');
    expect(log).toMatch(/\[@blog\/theme\] \d+ documents: \d+ rendered/);
    expect(log).not.toMatch(/Unknown language/);
    expect(withCode().length).toBeGreaterThan(8);
  });

  test('the pages with code pass the Nu HTML Checker', () => {
    expect(htmlErrors(withCode(), out)).toEqual([]);
  });

  test.each(['light', 'dark'] as const)(
    'no serious axe violation, and code keeps its contrast (%s)',
    async (colorScheme) => {
      for (const path of [
        '/2021/06/02/first-steps-with-nftables.html',
        '/2023/08/03/parsing-firewall-logs-with-python.html',
      ]) {
        const context = await browser.newContext({ colorScheme });
        context.setDefaultTimeout(browserTimeout);
        const page = await context.newPage();
        expect((await page.goto(`${base}${path}`))?.status(), path).toBe(200);
        expect(await page.locator('pre.prism .token').count(), path).toBeGreaterThan(20);
        expect(await seriousViolations(page), path).toEqual([]);
        await context.close();
      }
    },
  );
});
