#!/usr/bin/env node
/**
 * Loads a generated Jekyll folder of N posts (default 10,000) and prints the
 * time, posts/s and peak memory: front matter, permalinks, Liquid, excerpts
 * and indexes, no Markdown rendering.
 *
 *   node bench/load.mjs [--posts 10000] [--runs 3]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { archiveByYear, loadBlog, paginate, tagIndex } from '@blog/model';

const { values } = parseArgs({
  options: { posts: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } },
});
const count = Number(values.posts);
const runs = Number(values.runs);
const tags = [
  'debian',
  'networking',
  'nftables',
  'kubernetes',
  'opentofu',
  'security',
  'wikimedia',
  'python',
  'go',
  'events',
];

// A deterministic corpus: the same N posts on every run.
const root = mkdtempSync(join(tmpdir(), 'blog-model-bench-'));
mkdirSync(join(root, '_posts'));
writeFileSync(
  join(root, '_config.yml'),
  'title: Bench\nurl: https://bench.example\ntimezone: Europe/Madrid\npaginate: 14\n',
);
const paragraph =
  'Packets cross the bridge, the firewall counts them, and the log tells the story of the afternoon. '.repeat(6);
for (let i = 0; i < count; i++) {
  const day = new Date(Date.UTC(2008, 0, 1) + i * 86400000 * 0.5);
  const date = day.toISOString().slice(0, 10);
  const postTags = [tags[i % 10], tags[(i * 7) % 10]].join(', ');
  const liquid = i % 10 === 0 ? `\nSee {{ site.url }}{{ page.url }} and {% post_url ${date}-post-${i} %}.\n` : '';
  writeFileSync(
    join(root, '_posts', `${date}-post-${i}.md`),
    `---\ntitle: "Post ${i}: notes"\ndate: ${date} ${String(i % 24).padStart(2, '0')}:15 +0200\ntags: [${postTags}]\n---\n\n${paragraph}\n\n<!--more-->\n\n## Details\n\n${paragraph}\n${liquid}\n\`\`\`sh\nnft list ruleset\n\`\`\`\n\n${paragraph}\n`,
  );
}

const times = [];
let posts = 0;
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  const blog = await loadBlog(root);
  paginate(blog.posts, blog.site.paginate);
  tagIndex(blog.posts);
  archiveByYear(blog.posts, blog.site);
  times.push((performance.now() - start) / 1000);
  posts = blog.posts.length;
}
if (!process.env.KEEP_CORPUS) rmSync(root, { recursive: true, force: true });
else console.log(`corpus kept in ${root}`);

const best = Math.min(...times);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`loaded ${posts} posts; runs: ${times.map((t) => t.toFixed(3)).join(' s, ')} s`);
console.log(`best ${best.toFixed(3)} s, ${Math.round(posts / best)} posts/s, peak RSS ${peakMb.toFixed(0)} MB`);
console.log(
  `BENCH model posts=${posts} best_s=${best.toFixed(3)} posts_per_s=${Math.round(posts / best)} peak_rss_mb=${peakMb.toFixed(0)}`,
);
