#!/usr/bin/env node
/**
 * Builds the demo site from a generated Jekyll-style blog of N posts and
 * prints the cold build time (no cache), the warm rebuild time after one
 * post is edited, then after a post is added, then into an empty output
 * folder with the caches (a CI deploy), posts/s and the peak memory of the
 * build (its processes together).
 *
 *   pnpm bench [--posts 1000]
 *
 * The corpus is deterministic: realistic technical posts of about 1,100
 * words with code blocks (the generator of @blog/markdown's benchmark), tags
 * from a fixed list, dates spread over the years. Every page is built: post
 * pages, the paginated index, tag pages, the archive, three feed formats and
 * the search index.
 */
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { postBody } from '../packages/markdown/bench/corpus.mjs';
import { quietEnv } from './env.mjs';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '1000' } }, allowPositionals: true });
const count = Number(values.posts);
const root = new URL('..', import.meta.url).pathname;
const site = join(root, 'apps/site');
const corpus = join(root, 'node_modules/.cache/bench-corpus', String(count));
// The theme's render cache and Astro's (incremental builds keep their pages there).
const caches = [join(site, 'node_modules/.cache/@blog/theme'), join(site, 'node_modules/.astro')];
const out = join(root, 'node_modules/.cache/bench-dist');

const tags = [
  'debian',
  'networking',
  'nftables',
  'kubernetes',
  'opentofu',
  'security',
  'python',
  'ipv6',
  'packaging',
  'events',
];
// Written over the previous run's files rather than after deleting them (see `setAside`).
function generate() {
  mkdirSync(join(corpus, '_posts'), { recursive: true });
  writeFileSync(
    join(corpus, '_config.yml'),
    'title: Bench Blog\ndescription: A generated blog.\nurl: https://bench.example\ntimezone: Europe/Madrid\npaginate: 14\nemail: bench@bench.example\n',
  );
  writeFileSync(
    join(corpus, 'about.md'),
    '---\ntitle: About\npermalink: /about/\n---\nA generated blog for the benchmark.\n',
  );
  for (let n = 0; n < count; n++) {
    const date = new Date(Date.UTC(2012, 0, 1) + n * 86400000 * (5000 / count));
    const day = date.toISOString().slice(0, 10);
    const postTags = [tags[n % tags.length], tags[(n * 3 + 1) % tags.length]];
    writeFileSync(
      join(corpus, '_posts', `${day}-post-${n}.md`),
      `---\ntitle: "Post ${n}: ${postTags.join(' and ')}"\ndate: ${day} ${String(n % 24).padStart(2, '0')}:00 +0200\ntags: [${postTags.join(', ')}]\n---\n\n${postBody(n)}`,
    );
  }
}

/** The resident memory of a process and of all its descendants now, in kB. */
function treeRssKb(pid) {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop();
    try {
      total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1] ?? 0);
      for (const thread of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${thread}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(' ').map(Number));
      }
    } catch {
      // It has just ended.
    }
  }
  return total;
}

/** Runs `astro build`; returns seconds and the peak resident memory of the build (its processes together). */
function build() {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // Node itself (not a shell shim), so the child's pid is the build's.
    const child = spawn(process.execPath, [join(site, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
      cwd: site,
      env: { ...quietEnv, BLOG_SOURCE: corpus },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakKb = 0;
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    // VmHWM is the peak resident memory of the process, its worker threads included; the processes it
    // starts (Pagefind's) are sampled with it, and their sum counts when it is higher.
    const poll = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]), treeRssKb(child.pid));
      } catch {
        // The process has ended.
      }
    }, 50);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`astro build failed:\n${log.slice(-3000)}`));
      else {
        if (process.env.BENCH_LOG) console.log(log);
        resolve({ seconds: (performance.now() - start) / 1000, peakMb: peakKb / 1024, log });
      }
    });
  });
}

console.log(`generating ${count} posts in ${corpus}`);
/**
 * Moves a folder out of the way; it is deleted when the benchmark is done. Deleting thousands of files
 * right before a build slows the build's own file creation down (ext4 avoids reusing the inodes of files
 * deleted in the last seconds), which a build on a fresh machine does not pay.
 */
const trash = join(root, 'node_modules/.cache/bench-trash');
function setAside(path) {
  mkdirSync(trash, { recursive: true });
  if (existsSync(path)) renameSync(path, join(trash, `${Date.now()}-${Math.random().toString(36).slice(2)}`));
}

generate();
for (const cache of caches) setAside(cache);
setAside(out);
const cold = await build();
console.log(
  `cold build:  ${cold.seconds.toFixed(1)} s, ${Math.round(count / cold.seconds)} posts/s, peak RSS ${cold.peakMb.toFixed(0)} MB`,
);

// The demo turns `socialImages` on: the cost per post of rendering the cards, from the cold build's log.
const social = /social images: (\d+), (\d+) rendered in ([\d.]+) s/.exec(cold.log);
const socialMs = social && Number(social[2]) > 0 ? (Number(social[3]) * 1000) / Number(social[2]) : undefined;
if (socialMs !== undefined) {
  console.log(`social images: ${social[2]} rendered in ${social[3]} s, ${socialMs.toFixed(1)} ms per post`);
}

const edited = join(corpus, '_posts', `${new Date(Date.UTC(2012, 0, 1)).toISOString().slice(0, 10)}-post-0.md`);
if (!existsSync(edited)) throw new Error(`cannot find ${edited} to edit`);
appendFileSync(edited, '\nOne more paragraph, edited after the first build.\n');
const warm = await build();
console.log(`warm rebuild after editing one post: ${warm.seconds.toFixed(1)} s, peak RSS ${warm.peakMb.toFixed(0)} MB`);

// Publishing: a new post, the newest (the corpus ends in 2025), moves every index page and every page
// of its tags by one.
const newPost = join(corpus, '_posts', '2026-01-01-new-post.md');
writeFileSync(newPost, `---\ntitle: "A new post"\ntags: [debian, ipv6]\n---\n\n${postBody(count)}`);
const published = await build();
rmSync(newPost);
console.log(
  `warm rebuild after adding a post: ${published.seconds.toFixed(1)} s, peak RSS ${published.peakMb.toFixed(0)} MB`,
);

// A deploy from a fresh checkout that keeps its caches (as CI does): no output folder yet.
setAside(out);
const deploy = await build();
console.log(
  `rebuild into an empty output folder with the caches: ${deploy.seconds.toFixed(1)} s, peak RSS ${deploy.peakMb.toFixed(0)} MB`,
);
rmSync(trash, { recursive: true, force: true });
const peak = Math.max(cold.peakMb, warm.peakMb, published.peakMb, deploy.peakMb);
console.log(
  `BENCH posts=${count} cold_s=${cold.seconds.toFixed(1)} warm_s=${warm.seconds.toFixed(1)} new_post_s=${published.seconds.toFixed(1)} deploy_s=${deploy.seconds.toFixed(1)} posts_per_s=${Math.round(count / cold.seconds)} social_ms_per_post=${socialMs?.toFixed(1) ?? 'n/a'} peak_rss_mb=${peak.toFixed(0)}`,
);
