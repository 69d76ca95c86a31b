import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumFlags, chromiumPath, serve } from './dist.ts';

let chrome: chromeLauncher.LaunchedChrome;
let server: Server;
let base: string;
// chrome-launcher ends Chromium with SIGKILL, which leaves the folder of its singleton socket in the
// temporary folder: Chromium gets one of its own, removed afterwards.
const temporary = mkdtempSync(join(tmpdir(), 'blog-lighthouse-'));

beforeAll(async () => {
  ({ url: base, server } = await serve());
  chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: chromiumFlags,
    envVars: { ...process.env, TMPDIR: temporary },
  });
});

afterAll(async () => {
  chrome?.kill();
  server?.close();
  rmSync(temporary, { recursive: true, force: true });
});

test.each(['/', '/2022/05/17/two-networks-one-router.html'])(
  'Lighthouse gives %s 100 for accessibility, best practices and SEO',
  async (path) => {
    const result = await lighthouse(`${base}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility', 'best-practices', 'seo'],
      formFactor: 'desktop',
      screenEmulation: { disabled: true },
      throttlingMethod: 'provided',
      // A busy machine loads pages slowly: waiting longer only stops a page that never loads.
      maxWaitForFcp: 300_000,
      maxWaitForLoad: 300_000,
    });
    const lhr = result!.lhr;
    const failing = Object.values(lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
      .map((audit) => `${audit.id}: ${audit.title}`);
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, category]) => [id, category.score]));
    expect({ scores, failing }).toEqual({
      scores: { accessibility: 1, 'best-practices': 1, seo: 1 },
      failing: [],
    });
  },
);
