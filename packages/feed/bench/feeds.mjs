#!/usr/bin/env node
/**
 * Renders a 10,000-item feed in each format and prints the time and
 * items/s. Each item carries about 2 KB of post HTML.
 *
 *   node bench/feeds.mjs [--items 10000]
 */
import { parseArgs } from 'node:util';
import { atom, jsonFeed, rss } from '@blog/feed';

const { values } = parseArgs({ options: { items: { type: 'string', default: '10000' } }, allowPositionals: true });
const count = Number(values.items);
const html = `<p>Packets cross the bridge &amp; the firewall counts them. ${'<code>nft list ruleset</code> and <a href="https://example.org/x">a link</a>. '.repeat(16)}</p>`;
const feed = {
  title: 'Bench',
  description: 'A large feed',
  link: 'https://bench.example/',
  url: 'https://bench.example/feed.xml',
  language: 'en',
  author: { name: 'Ada' },
  items: Array.from({ length: count }, (_, i) => ({
    url: `https://bench.example/${i}.html`,
    title: `Post ${i}: “quotes” & <angles>`,
    contentHtml: html,
    summary: 'Packets cross the bridge.',
    published: new Date(Date.UTC(2010, 0, 1) + i * 3600000),
    tags: ['debian', 'nftables'],
  })),
};

for (const [name, render] of [
  ['RSS 2.0', rss],
  ['Atom 1.0', atom],
  ['JSON Feed 1.1', jsonFeed],
]) {
  render(feed, { limit: Infinity }); // warm up
  const runs = [];
  let size = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    size = render(feed, { limit: Infinity }).length;
    runs.push(performance.now() - start);
  }
  const best = Math.min(...runs);
  console.log(
    `${name.padEnd(14)} ${count} items in ${best.toFixed(0).padStart(4)} ms  ${Math.round(count / (best / 1000)).toLocaleString('en')} items/s  ${(size / 1e6).toFixed(1)} MB`,
  );
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
