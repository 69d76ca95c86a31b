#!/usr/bin/env node
/**
 * Builds generated Jekyll-style blogs as a user does, `BLOG_SOURCE=<blog>
 * pnpm build`, and the same posts with Hugo (Debian's `hugo`, the anchor),
 * and prints one `BENCH ...` line per size: our cold build, our rebuild after
 * one post is edited, Hugo's cold build, the ratios, the peak memory of the
 * build (its processes together) and the time of each phase of ours.
 *
 *   pnpm bench [--posts 1000,4000] [--more] [--no-hugo] [--fresh] [--highlight prism]
 *
 * `--more` adds two rebuilds: after a new post, and into an empty output
 * folder with the caches (a CI deploy). `--fresh` also builds each blog from
 * a fresh Astro project, as another blog uses the theme: the packages packed
 * into tarballs, a project made by `@blog/create-blog` and installed from
 * them, its `blog/` folder replaced by the generated one, `pnpm build`
 * (`astro build`) cold and after the same edit: a `BENCH fresh ...` line.
 * `--highlight prism` builds our blogs with Prism instead of Shiki
 * (`BLOG_HIGHLIGHT=prism`; not the fresh project, which keeps its defaults);
 * the `BENCH` line then says `highlight=prism`.
 *
 * The corpus is deterministic and as hard as real posts (see
 * packages/markdown/bench/corpus.mjs): about 1,000 words of prose with inline
 * HTML, reference links and footnotes, a table, short code blocks in eleven
 * languages and a long listing. Tags come from a fixed list, dates spread
 * over the years. Every page is built: post pages, the paginated index, tag
 * pages, the archive, three feed formats, social images and the search index.
 * The Hugo site built from the same posts has highlighting (Chroma), a
 * paginated index (14 a page), post pages at Jekyll's URLs, tag pages and
 * RSS with the full content: less than ours (no search index, no social
 * images, one feed format), so the ratio is, if anything, kind to Hugo.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { postBody } from '../packages/markdown/bench/corpus.mjs';
import { quietEnv } from './env.mjs';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '1000' },
    more: { type: 'boolean', default: false },
    'no-hugo': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    highlight: { type: 'string', default: 'shiki' },
  },
  allowPositionals: true,
});
const sizes = values.posts.split(',').map(Number);
const root = new URL('..', import.meta.url).pathname;
const site = join(root, 'apps/site');
const cacheRoot = join(root, 'node_modules/.cache');
// The theme's render cache and Astro's (incremental builds keep their pages there), and the output.
const caches = [join(site, 'node_modules/.cache/@blog/theme'), join(site, 'node_modules/.astro')];
const out = join(site, 'dist');
const hugo = values['no-hugo'] ? undefined : findHugo();

function findHugo() {
  const found = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (found.status === 0) return found.stdout.trim().split(' ').slice(0, 2).join(' ');
  console.warn('hugo not found (apt-get install -y hugo): Hugo is left out');
  return undefined;
}

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

/** Post `n` of a blog of `count`: its date, tags, title and body, the same for Jekyll and Hugo. */
function post(n, count) {
  const date = new Date(Date.UTC(2012, 0, 1) + n * 86400000 * (5000 / count));
  const day = date.toISOString().slice(0, 10);
  const hour = String(n % 24).padStart(2, '0');
  const postTags = [tags[n % tags.length], tags[(n * 3 + 1) % tags.length]];
  return { day, hour, tags: postTags, title: `Post ${n}: ${postTags.join(' and ')}`, body: postBody(n) };
}

/** Writes the Jekyll blog and the Hugo site of `count` posts (over an earlier run's files: see `setAside`). */
function generate(count, jekyll, hugoSite) {
  mkdirSync(join(jekyll, '_posts'), { recursive: true });
  writeFileSync(
    join(jekyll, '_config.yml'),
    'title: Bench Blog\ndescription: A generated blog.\nurl: https://bench.example\ntimezone: Europe/Madrid\npaginate: 14\nemail: bench@bench.example\n',
  );
  writeFileSync(join(jekyll, 'about.md'), '---\ntitle: About\npermalink: /about/\n---\nA generated blog.\n');
  mkdirSync(join(hugoSite, 'content/posts'), { recursive: true });
  mkdirSync(join(hugoSite, 'layouts/_default'), { recursive: true });
  for (const [name, text] of Object.entries(hugoFiles)) writeFileSync(join(hugoSite, name), text);
  writeFileSync(join(hugoSite, 'content/about.md'), '---\ntitle: About\nurl: /about/\n---\nA generated blog.\n');
  for (let n = 0; n < count; n++) {
    const { day, hour, tags: postTags, title, body } = post(n, count);
    writeFileSync(
      join(jekyll, '_posts', `${day}-post-${n}.md`),
      `---\ntitle: "${title}"\ndate: ${day} ${hour}:00 +0200\ntags: [${postTags.join(', ')}]\n---\n\n${body}`,
    );
    writeFileSync(
      join(hugoSite, 'content/posts', `${day}-post-${n}.md`),
      `---\ntitle: "${title}"\ndate: ${day}T${hour}:00:00+02:00\nslug: post-${n}\ntags: [${postTags.join(', ')}]\n---\n\n${body}`,
    );
  }
}

/** A minimal Hugo site of the same blog: Jekyll's URLs, 14 posts a page, tag pages, RSS of 10 full posts. */
const hugoFiles = {
  'hugo.toml': `baseURL = 'https://bench.example/'
title = 'Bench Blog'
languageCode = 'en'
paginate = 14
timeZone = 'Europe/Madrid'
disableKinds = ['sitemap', 'robotsTXT']
uglyURLs = { posts = true }
[permalinks]
  posts = '/:year/:month/:day/:slug'
[taxonomies]
  tag = 'tags'
[services.rss]
  limit = 10
[markup.goldmark.renderer]
  unsafe = true
[markup.highlight]
  noClasses = false
`,
  'layouts/_default/baseof.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> <a href="{{ "/about/" | relURL }}">About</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  'layouts/_default/single.html': `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "Jan 2, 2006" }}</time>
{{ with .Params.tags }}<ul>{{ range . }}<li><a href="{{ (printf "/tags/%s/" (urlize .)) | relURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}</article>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
`,
  'layouts/_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := where .Site.RegularPages "Section" "posts" }}{{ if ne .Kind "home" }}{{ $pages = .Pages }}{{ end }}
{{ range (.Paginate $pages).Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time>{{ .Date.Format "Jan 2, 2006" }}</time>{{ .Summary }}</article>{{ end }}
{{ with .Paginator }}{{ if .HasPrev }}<a href="{{ .Prev.URL }}">Newer</a>{{ end }}{{ if .HasNext }}<a href="{{ .Next.URL }}">Older</a>{{ end }}{{ end }}{{ end }}
`,
  'layouts/_default/rss.xml': `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0"><channel><title>{{ .Site.Title }}</title><link>{{ .Permalink }}</link><description>A generated blog.</description>
{{ range first 10 (where .Site.RegularPages "Section" "posts") }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate>{{ range .Params.tags }}<category>{{ . }}</category>{{ end }}
<description>{{ .Content | html }}</description></item>{{ end }}</channel></rss>
`,
};

/** The resident memory of a process and of all its descendants now, in kB, and their pids. */
function treeRss(pid) {
  let total = 0;
  const pids = [];
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop();
    try {
      total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1] ?? 0);
      pids.push(current);
      for (const thread of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${thread}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(' ').map(Number));
      }
    } catch {
      // It has just ended.
    }
  }
  return { kb: total, pids };
}

/**
 * Runs a command; returns its seconds, the peak memory of its processes together (sampled every 50 ms;
 * the peak of any one of them, VmHWM, counts when higher) and its output.
 */
function timed(command, args, options) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakKb = 0;
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    const poll = setInterval(() => {
      const tree = treeRss(child.pid);
      peakKb = Math.max(peakKb, tree.kb);
      for (const pid of tree.pids) {
        try {
          peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]));
        } catch {
          // It has just ended.
        }
      }
    }, 50);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed:\n${log.slice(-3000)}`));
      else {
        if (process.env.BENCH_LOG) console.log(log);
        resolve({ seconds: (performance.now() - start) / 1000, peakMb: peakKb / 1024, log });
      }
    });
  });
}

/** pnpm with these arguments: the pnpm that runs this script, else the one on PATH. */
function pnpmCommand(args) {
  const cli = process.env.npm_execpath;
  return cli && /pnpm/.test(cli) ? [process.execPath, [cli, ...args]] : ['pnpm', args];
}

/** The user command, `BLOG_SOURCE=<blog> pnpm build`. */
function build(corpus) {
  const [command, args] = pnpmCommand(['build']);
  return timed(command, args, {
    cwd: root,
    env: { ...quietEnv, BLOG_SOURCE: corpus, BLOG_HIGHLIGHT: values.highlight },
  });
}

/**
 * A fresh Astro project using the packed packages, as another blog would (see tests/packed): made once
 * per run by `@blog/create-blog`, installed from the tarballs.
 */
let freshProject;
function makeFreshProject() {
  // Outside the workspace, or pnpm would install the workspace instead.
  const work = join(tmpdir(), 'blog-bench-fresh');
  rmSync(work, { recursive: true, force: true });
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  const pnpm = (args, cwd) => {
    const [command, prefix] = pnpmCommand(args);
    execFileSync(command, prefix, { cwd, env: { ...quietEnv, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  };
  pnpm(['build'], root);
  pnpm(['-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs], root);
  const tarball = (name) =>
    `file:${join(
      tarballs,
      readdirSync(tarballs).find((file) => file.startsWith(`blog-${name}-`)),
    )}`;
  const runner = join(work, 'create');
  mkdirSync(runner);
  writeFileSync(
    join(runner, 'package.json'),
    JSON.stringify({ name: 'runner', private: true, dependencies: { '@blog/create-blog': tarball('create-blog') } }),
  );
  pnpm(['install', '--no-frozen-lockfile'], runner);
  pnpm(['exec', 'create-blog', 'bench-blog', '--title', 'Bench Blog'], runner);
  const project = join(runner, 'bench-blog');
  const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  // The @blog packages are not on the registry: served from the tarballs.
  manifest.pnpm.overrides = Object.fromEntries(
    ['model', 'markdown', 'feed', 'theme'].map((name) => [`@blog/${name}`, tarball(name)]),
  );
  writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  pnpm(['install', '--no-frozen-lockfile'], project);
  return project;
}

/** `pnpm build` in the fresh project, its `blog/` a copy of the corpus. */
function freshBuild(project) {
  const [command, args] = pnpmCommand(['build']);
  return timed(command, args, { cwd: project, env: quietEnv });
}

/** The phases the theme reports at the end of a build (`[@blog/theme] phases: load 0.4 s, …; total 30.1 s`). */
function phases(log) {
  const line = /\[@blog\/theme\] phases: (.*)/.exec(log)?.[1] ?? '';
  return Object.fromEntries(
    line
      .split(/[,;] /)
      .map((part) => /^(.+) ([\d.]+) s$/.exec(part.trim()))
      .filter(Boolean)
      .map(([, name, seconds]) => [name.replaceAll(/[ -]/g, '_'), seconds]),
  );
}

/**
 * Moves a folder out of the way; it is deleted when the benchmark is done. Deleting thousands of files
 * right before a build slows the build's own file creation down (ext4 avoids reusing the inodes of files
 * deleted in the last seconds), which a build on a fresh machine does not pay.
 */
const trash = join(cacheRoot, 'bench-trash');
function setAside(path) {
  mkdirSync(trash, { recursive: true });
  if (existsSync(path)) renameSync(path, join(trash, `${Date.now()}-${Math.random().toString(36).slice(2)}`));
}

const fixed = (value) => value.toFixed(1);
// The packages are built first, as after a checkout's first build: the timed builds then measure the
// site, not a `tsc` of a package changed since the last build.
{
  const [command, args] = pnpmCommand(['build']);
  execFileSync(command, args, { cwd: root, env: quietEnv, stdio: 'ignore' });
}
for (const count of sizes) {
  const corpus = join(cacheRoot, 'bench-corpus', String(count));
  const hugoSite = join(cacheRoot, 'bench-hugo', String(count));
  console.log(`generating ${count} posts in ${corpus} (and ${hugoSite})`);
  generate(count, corpus, hugoSite);

  let hugoRun;
  if (hugo) {
    setAside(join(hugoSite, 'public'));
    setAside(join(hugoSite, 'resources'));
    hugoRun = await timed('hugo', ['--quiet', '--source', hugoSite], { env: process.env });
    console.log(`${hugo}, cold: ${fixed(hugoRun.seconds)} s, peak RSS ${hugoRun.peakMb.toFixed(0)} MB`);
  }

  for (const cache of caches) setAside(cache);
  setAside(out);
  const cold = await build(corpus);
  const coldPhases = phases(cold.log);
  console.log(
    `cold build:  ${fixed(cold.seconds)} s, ${Math.round(count / cold.seconds)} posts/s, peak RSS ${cold.peakMb.toFixed(0)} MB`,
  );
  console.log(
    `  phases: ${Object.entries(coldPhases)
      .map(([name, seconds]) => `${name} ${seconds} s`)
      .join(', ')}`,
  );

  const edited = join(corpus, '_posts', `${post(0, count).day}-post-0.md`);
  const original = readFileSync(edited, 'utf8');
  appendFileSync(edited, '\nOne more paragraph, edited after the first build.\n');
  const edit = await build(corpus);
  writeFileSync(edited, original);
  console.log(`rebuild after editing one post: ${fixed(edit.seconds)} s, peak RSS ${edit.peakMb.toFixed(0)} MB`);
  console.log(
    `  phases: ${Object.entries(phases(edit.log))
      .map(([name, seconds]) => `${name} ${seconds} s`)
      .join(', ')}`,
  );

  const extra = [];
  if (values.more) {
    // Publishing: a new post, the newest (the corpus ends in 2025), moves every index page and every
    // page of its tags by one.
    const newPost = join(corpus, '_posts', '2026-01-01-new-post.md');
    writeFileSync(newPost, `---\ntitle: "A new post"\ntags: [debian, ipv6]\n---\n\n${postBody(count)}`);
    const published = await build(corpus);
    rmSync(newPost);
    console.log(`rebuild after adding a post: ${fixed(published.seconds)} s`);
    // A deploy from a fresh checkout that keeps its caches (as CI does): no output folder yet.
    setAside(out);
    const deploy = await build(corpus);
    console.log(`rebuild into an empty output folder with the caches: ${fixed(deploy.seconds)} s`);
    extra.push(`new_post_s=${fixed(published.seconds)}`, `deploy_s=${fixed(deploy.seconds)}`);
  }

  let freshFields = [];
  if (values.fresh) {
    freshProject ??= makeFreshProject();
    const blog = join(freshProject, 'blog');
    setAside(blog);
    cpSync(corpus, blog, { recursive: true });
    for (const folder of ['node_modules/.cache', 'node_modules/.astro', 'dist']) setAside(join(freshProject, folder));
    const freshCold = await freshBuild(freshProject);
    console.log(`fresh Astro project, cold: ${fixed(freshCold.seconds)} s, peak RSS ${freshCold.peakMb.toFixed(0)} MB`);
    const copy = join(blog, '_posts', `${post(0, count).day}-post-0.md`);
    appendFileSync(copy, '\nOne more paragraph, edited after the first build.\n');
    const freshEdit = await freshBuild(freshProject);
    console.log(`fresh Astro project, after editing one post: ${fixed(freshEdit.seconds)} s`);
    freshFields = [
      `BENCH fresh posts=${count}`,
      `cold_s=${fixed(freshCold.seconds)}`,
      `edit_s=${fixed(freshEdit.seconds)}`,
      ...(hugoRun
        ? [
            `hugo_s=${fixed(hugoRun.seconds)}`,
            `cold_ratio=${(freshCold.seconds / hugoRun.seconds).toFixed(2)}`,
            `edit_ratio=${(freshEdit.seconds / hugoRun.seconds).toFixed(2)}`,
          ]
        : []),
      `peak_rss_mb=${Math.max(freshCold.peakMb, freshEdit.peakMb).toFixed(0)}`,
      ...Object.entries(phases(freshCold.log)).map(([name, seconds]) => `${name}_s=${seconds}`),
    ];
  }

  const hugoFields = hugoRun
    ? [
        `hugo_s=${fixed(hugoRun.seconds)}`,
        `cold_ratio=${(cold.seconds / hugoRun.seconds).toFixed(2)}`,
        `edit_ratio=${(edit.seconds / hugoRun.seconds).toFixed(2)}`,
      ]
    : [];
  console.log(
    [
      `BENCH posts=${count}`,
      ...(values.highlight === 'shiki' ? [] : [`highlight=${values.highlight}`]),
      `cold_s=${fixed(cold.seconds)}`,
      `edit_s=${fixed(edit.seconds)}`,
      ...hugoFields,
      ...extra,
      `posts_per_s=${Math.round(count / cold.seconds)}`,
      `peak_rss_mb=${Math.max(cold.peakMb, edit.peakMb).toFixed(0)}`,
      ...Object.entries(coldPhases).map(([name, seconds]) => `${name}_s=${seconds}`),
    ].join(' '),
  );
  if (freshFields.length > 0) console.log(freshFields.join(' '));
}
rmSync(trash, { recursive: true, force: true });
