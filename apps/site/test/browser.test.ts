import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from './axe.ts';
import { browserTimeout, chromiumFlags, chromiumPath, serve } from './dist.ts';

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ url: base, server } = await serve());
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(browserTimeout);
  const page = await context.newPage();
  const response = await page.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('accessibility (axe): no serious or critical violation', () => {
  test.each([
    '/',
    '/2021/06/02/first-steps-with-nftables.html',
    '/archive/',
    '/tags/networking/',
    '/about/',
    '/search/',
  ])('%s', async (path) => {
    const page = await open(path);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('dark mode keeps every contrast', async () => {
    const page = await open('/2022/05/17/two-networks-one-router.html', { colorScheme: 'dark' });
    const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await page.context().close();
  });

  // Highlighted code in both colour schemes (every token colour of the theme is checked against the code
  // background by the theme's own test, code-contrast.test.ts; this checks the colours a browser computes).
  test.each(['light', 'dark'] as const)('highlighted code keeps its contrast (%s)', async (colorScheme) => {
    const page = await open('/2023/08/03/parsing-firewall-logs-with-python.html', { colorScheme });
    expect(await page.locator('pre [style*="--shiki-token-"]').count()).toBeGreaterThan(20);
    const results = await new AxeBuilder({ page }).include('pre').withRules(['color-contrast']).analyze();
    const failing = results.violations.flatMap((violation) => violation.nodes.map((node) => node.html));
    expect(failing).toEqual([]);
    await page.context().close();
  });
});

describe('a reader in a real browser', () => {
  test('home → post → tag → archive', async () => {
    const page = await open('/');
    const first = page.locator('.post-list .post-link').first();
    const title = await first.textContent();
    await first.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(page.url()).toMatch(/\/\d{4}\/\d{2}\/\d{2}\/[\w-]+\.html$/);
    await page.locator('.tag-list a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Posts tagged/);
    expect(await page.locator('.archive tbody tr', { hasText: title! }).count()).toBe(1);
    await page.locator('.site-nav__links a', { hasText: 'Archive' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/archive/`);
    expect(await page.locator('.archive tbody tr').count()).toBeGreaterThanOrEqual(12);
    await page.context().close();
  });

  test('pagination, newest to oldest', async () => {
    const page = await open('/');
    await page.locator('a.pagination__older').click();
    await expect.poll(() => page.url()).toBe(`${base}/page2/`);
    expect(await page.locator('.pagination__status').textContent()).toMatch(/^Page: 2 of \d+$/);
    await page.locator('a.pagination__newer').click();
    await expect.poll(() => page.url()).toBe(`${base}/`);
    await page.context().close();
  });

  test('feed autodiscovery: the head links the feeds, and they are there', async () => {
    const page = await open('/');
    const links = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((elements) =>
        elements.map((element) => [element.getAttribute('type'), element.getAttribute('href')]),
      );
    expect(links).toEqual([
      ['application/rss+xml', '/feed.xml'],
      ['application/atom+xml', '/atom.xml'],
      ['application/feed+json', '/feed.json'],
    ]);
    for (const [, href] of links) {
      const response = await page.request.get(`${base}${href}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toMatch(/<rss|<feed|"version": "https:\/\/jsonfeed.org\/version\/1.1"/);
    }
    await page.context().close();
  });

  test('the menu on a 375 px screen opens without JavaScript', async () => {
    const page = await open('/', { viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    expect(await page.locator('.site-nav__links').isVisible()).toBe(false);
    const menu = page.locator('.site-nav__menu summary');
    expect(await menu.isVisible()).toBe(true);
    await menu.click();
    const about = page.locator('.site-nav__menu a', { hasText: 'About' });
    expect(await about.isVisible()).toBe(true);
    await about.click();
    await expect.poll(() => page.url()).toBe(`${base}/about/`);
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
  });

  test('dark mode follows the system', async () => {
    const light = await open('/');
    const dark = await open('/', { colorScheme: 'dark' });
    const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background(light)).toBe('rgb(253, 253, 253)');
    expect(await background(dark)).toBe('rgb(24, 26, 27)');
    await light.context().close();
    await dark.context().close();
  });

  test('search finds a post', async () => {
    const page = await open('/search/');
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor();
    await input.fill('nftables ruleset');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor();
    expect(await page.locator('.pagefind-ui__result-link').allTextContents()).toContain('First steps with nftables');
    await page.context().close();
  });
});
