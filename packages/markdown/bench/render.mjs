#!/usr/bin/env node
/**
 * Renders a corpus of realistic posts and prints posts/s, MB/s and peak
 * memory for: the bare unified chain (remark-parse, remark-gfm,
 * remark-rehype, rehype-stringify), our pipeline without and with
 * highlighting (satteri parser; Shiki, then Prism), our plugins on remark-parse, Shiki's
 * tokenizer alone on the corpus's code (the bound of any pipeline that highlights with it), our
 * pipeline across worker threads, and a warm cache. The figures of one process are
 * warm (50 posts first); `renderAll` on one thread and on every core, and
 * with Prism on one thread, is also timed cold, each in a process of its
 * own, as a build runs it: the one-thread figures count loading the pipeline
 * and the grammars. The warm Prism pass is then run again in a process
 * pinned to each core (with Linux's `taskset`), as the cores of one machine
 * can differ: `--pinned-runs` times on each (3), the cores taking turns,
 * each process warmed by a whole Prism pass first.
 *
 * V8's allocation-site pretenuring is off, as in `@blog/theme`'s builds (see
 * renderAll's `pretenuring`); `--pretenuring` keeps V8's default in this
 * process (the cold ones render as the theme does).
 *
 *   node bench/render.mjs [--posts 1000] [--cache-posts 4000] [--pinned-runs 3] [--pretenuring]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { createCssVariablesTheme, createHighlighter, createJavaScriptRegexEngine } from 'shiki';
import { INITIAL } from 'shiki/textmate';
import { RenderCache, render, renderAll } from '@blog/markdown';
// This package's own highlighter (not exported): its tokenizer is measured alone below.
import { getHighlighter } from '../dist/rehype-shiki.js';
import { postBody } from './corpus.mjs';

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    posts: { type: 'string', default: '1000' },
    'cache-posts': { type: 'string', default: '4000' },
    // Internal: render the corpus once with `renderAll` on this many threads, cold, and print the seconds.
    cold: { type: 'string' },
    // Internal, with `--cold`: highlight with Prism.
    prism: { type: 'boolean', default: false },
    // Internal: render the corpus with Prism twice (the first pass warms up) and print the seconds of the second.
    'prism-pass': { type: 'boolean', default: false },
    // Runs of the pinned Prism pass on each core.
    'pinned-runs': { type: 'string', default: '3' },
    // Keep V8's allocation-site pretenuring on in this process (see below).
    pretenuring: { type: 'boolean', default: false },
  },
});
// As `@blog/theme`'s builds render (renderAll's `pretenuring: false`): V8's pretenuring off for the process.
if (!values.pretenuring) setFlagsFromString('--no-allocation-site-pretenuring');
const count = Number(values.posts);
const pinnedRuns = Number(values['pinned-runs']);
if (!Number.isInteger(pinnedRuns) || pinnedRuns < 1) {
  throw new Error(`--pinned-runs: expected a whole number of runs, 1 or more, got ${values['pinned-runs']}`);
}
const sources = Array.from({ length: count }, (_, n) => postBody(n));
if (values.cold) {
  const started = performance.now();
  const options = values.prism ? { highlight: { engine: 'prism' } } : {};
  // As `@blog/theme` renders a site: V8's pretenuring off (see renderAll's `pretenuring`).
  await renderAll(
    sources.map((source) => ({ source, options })),
    { workers: Number(values.cold), pretenuring: false },
  );
  console.log(((performance.now() - started) / 1000).toFixed(3));
  process.exit(0);
}
if (values['prism-pass']) {
  // Warm: a whole Prism pass first. V8 goes on compiling the hot code on background threads through the
  // first pass of a new process, which then runs about a fifth slower than the next ones; pinned to one
  // core, those threads take the rendering's time. (This process's own Prism pass comes after four passes
  // over the corpus, three of them through this package's pipeline.)
  const options = { highlight: { engine: 'prism' } };
  for (const source of sources) await render(source, options);
  const started = performance.now();
  for (const source of sources) await render(source, options);
  console.log(((performance.now() - started) / 1000).toFixed(3));
  process.exit(0);
}
const bytes = sources.reduce((sum, source) => sum + Buffer.byteLength(source), 0);
const words = sources.reduce((sum, source) => sum + source.split(/\s+/).length, 0);
console.log(
  `corpus: ${count} posts, ${(bytes / count / 1024).toFixed(1)} KB and ${Math.round(words / count)} words each; ` +
    `V8's pretenuring ${values.pretenuring ? "on (V8's default)" : "off, as @blog/theme's builds run (--pretenuring: on)"}`,
);

async function measure(label, run) {
  await run(sources.slice(0, 50)); // warm up: JIT, Shiki's grammars
  const start = performance.now();
  await run(sources);
  const seconds = (performance.now() - start) / 1000;
  const postsPerSecond = count / seconds;
  console.log(
    `${label.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s  ${postsPerSecond.toFixed(0).padStart(5)} posts/s  ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`,
  );
  return postsPerSecond;
}

const bare = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
const bareRate = await measure('bare unified chain', async (list) => {
  for (const source of list) await bare.process(source);
});
const plainRate = await measure('@blog/markdown, no highlighting', async (list) => {
  for (const source of list) await render(source, { highlight: false });
});
const remarkPlainRate = await measure('@blog/markdown, remark-parse, no hl', async (list) => {
  for (const source of list) await render(source, { parser: 'remark', highlight: false });
});
const fullRate = await measure('@blog/markdown, with Shiki', async (list) => {
  for (const source of list) await render(source);
});
const prismRate = await measure('@blog/markdown, with Prism', async (list) => {
  for (const source of list) await render(source, { highlight: { engine: 'prism' } });
});
// Shiki's tokenizer alone, on the corpus's code blocks (each line from the state the line before ended in, as
// a highlighter runs it, nothing made of the tokens), against the whole corpus's bytes: the most Markdown per
// second a pipeline that highlights with Shiki can render, whatever the rest costs. With Shiki's own
// JavaScript engine, then with this package's (patterns translated once, searches shared; shiki-scanner.ts).
const codeBlocks = sources.flatMap((source) =>
  [...source.matchAll(/^(`{3,})(\w+)\n([\s\S]*?)^\1$/gm)].map((match) => ({
    lang: match[2],
    lines: match[3].split('\n'),
  })),
);
const codeLangs = [...new Set(codeBlocks.map(({ lang }) => lang))];
const stockHighlighter = await createHighlighter({
  themes: [createCssVariablesTheme({ name: 'css-variables', variablePrefix: '--shiki-', fontStyle: true })],
  langs: codeLangs,
  engine: createJavaScriptRegexEngine(),
});
const ourHighlighter = await getHighlighter('css-variables');
await ourHighlighter.loadLanguage(...codeLangs);
/** MB/s of the corpus's Markdown for one pass of `highlighter`'s tokenizer over its code, after a pass that warms up. */
function tokenizerRate(highlighter) {
  let started = 0;
  for (let pass = 0; pass < 2; pass++) {
    started = performance.now();
    for (const { lang, lines } of codeBlocks) {
      const grammar = highlighter.getLanguage(lang);
      let state = INITIAL;
      for (const line of lines) state = grammar.tokenizeLine2(line, state, 0).ruleStack;
    }
  }
  return bytes / 1e6 / ((performance.now() - started) / 1000);
}
const stockTokenizerRate = tokenizerRate(stockHighlighter);
const tokenizerRateOurs = tokenizerRate(ourHighlighter);
console.log(
  `Shiki's tokenizer alone, ${codeBlocks.length} code blocks (${codeLangs.length} languages), as MB/s of the whole corpus: ` +
    `${stockTokenizerRate.toFixed(2)} with Shiki's engine, ${tokenizerRateOurs.toFixed(2)} with ours`,
);
const workers = availableParallelism();
const parallelRate = await measure(`@blog/markdown, ${workers} workers`, async (list) => {
  await renderAll(
    list.map((source) => ({ source })),
    { workers },
  );
});
console.log(
  `time against the bare chain: ${((bareRate / plainRate - 1) * 100).toFixed(0)}% without highlighting, ${((bareRate / fullRate - 1) * 100).toFixed(0)}% with; ` +
    `our plugins on remark-parse: ${((bareRate / remarkPlainRate - 1) * 100).toFixed(0)}%`,
);
// What this machine allows at best: the same loop in 1 thread, then in one thread per core. A pure CPU loop,
// and one that makes short-lived objects, as rendering does: a core may be as fast as another at the first
// and slower at the second (a cache or memory bus shared with other machines).
async function ceilingOf(code) {
  const started = performance.now();
  new Function(code)();
  const oneThread = performance.now() - started;
  const parallel = performance.now();
  await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise((resolve) => {
          const worker = new Worker(`${code} require('node:worker_threads').parentPort.postMessage(0);`, {
            eval: true,
          });
          worker.once('message', () => worker.terminate().then(resolve));
        }),
    ),
  );
  return (workers * oneThread) / (performance.now() - parallel);
}
const ceiling = await ceilingOf('let x = 0; for (let i = 0; i < 2e8; i++) x = (x + i * 7) % 1000003; x;');
const allocCeiling = await ceilingOf(
  'let keep = []; for (let i = 0; i < 1.5e7; i++) { keep.push({ a: i, b: [i] }); if (keep.length > 20000) keep = []; }',
);
console.log(
  `worker speed-up on ${workers} cores: ${(parallelRate / fullRate).toFixed(2)}x (on this machine a pure CPU loop gets ` +
    `${ceiling.toFixed(2)}x, a loop that makes short-lived objects ${allocCeiling.toFixed(2)}x)`,
);
let start;
// Cold, as a build renders: a new process, the pipeline and Shiki's grammars loaded and compiled in each thread.
/** Seconds a run of this script in a process of its own prints, the process pinned to CPU `pin` if given. */
function childSeconds(flags, pin) {
  const command = [process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), '--posts', String(count)];
  const [file, ...args] = [...(pin === undefined ? [] : ['taskset', '-c', String(pin)]), ...command, ...flags];
  return Number(execFileSync(file, args, { encoding: 'utf8' }).trim());
}
const coldSeconds = (threads, ...flags) => childSeconds(['--cold', String(threads), ...flags]);
const coldOne = coldSeconds(1);
const coldAll = coldSeconds(workers);
const coldPrism = coldSeconds(1, '--prism');
console.log(
  `cold, a process each: 1 thread ${coldOne.toFixed(2)} s, ${workers} threads ${coldAll.toFixed(2)} s: ${(coldOne / coldAll).toFixed(2)}x; ` +
    `with Prism, 1 thread ${coldPrism.toFixed(2)} s (${(bytes / 1e6 / coldPrism).toFixed(2)} MB/s)`,
);

/**
 * The CPUs this process may run on, from Linux's `taskset` (util-linux): `[]` where there is none. The
 * cores of one machine can differ (a virtual machine's core shares a physical one with other machines, a
 * laptop has efficiency cores), and a process runs on whichever the system gives it.
 */
function allowedCpus() {
  try {
    const list = execFileSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' })
      .split(':')
      .at(-1);
    return list
      .trim()
      .split(',')
      .flatMap((range) => {
        const [first, last = first] = range.split('-').map(Number);
        return Array.from({ length: last - first + 1 }, (_, index) => first + index);
      });
  } catch {
    return [];
  }
}
// The Prism pass above, in a process pinned to each core in turn (warmed by a Prism pass of its own, see
// `--prism-pass`), several times, the cores taking turns. On a shared machine the same pass takes from
// 2.5 to 4 s from one minute to the next: other machines' work only ever slows a run down, so the best
// run is the figure of the code and the core, the median what a run meets.
const perCore = allowedCpus().map((cpu) => ({ cpu, rates: [] }));
for (let run = 0; run < pinnedRuns; run++) {
  for (const core of perCore) {
    const seconds = childSeconds(['--prism-pass', ...(values.pretenuring ? ['--pretenuring'] : [])], core.cpu);
    core.rates.push(bytes / 1e6 / seconds);
  }
}
for (const core of perCore) {
  const sorted = [...core.rates].sort((a, b) => a - b);
  core.median = sorted[Math.floor((sorted.length - 1) / 2)];
  core.best = sorted.at(-1);
}
console.log(
  perCore.length === 0
    ? 'with Prism, on each core: not measured (no `taskset` here)'
    : `with Prism, warm, one thread pinned to each core, ${pinnedRuns} runs each: ${perCore
        .map(
          ({ cpu, rates, median, best }) =>
            `CPU ${cpu} ${rates.map((rate) => rate.toFixed(2)).join(' / ')} MB/s (median ${median.toFixed(2)}, best ${best.toFixed(2)})`,
        )
        .join('; ')}`,
);

// Warm cache: every post unchanged since the last build.
const cachePosts = Number(values['cache-posts']);
const dir = mkdtempSync(join(tmpdir(), 'blog-markdown-cache-'));
const items = Array.from({ length: cachePosts }, (_, n) => ({
  source: postBody(n),
  options: { file: `_posts/${n}.md` },
}));
start = performance.now();
await renderAll(items, { cache: new RenderCache(dir) });
const cold = (performance.now() - start) / 1000;
const cache = new RenderCache(dir);
start = performance.now();
await renderAll(items, { cache });
const warm = (performance.now() - start) / 1000;
rmSync(dir, { recursive: true, force: true });
console.log(
  `cache: ${cachePosts} posts cold ${cold.toFixed(1)} s, warm ${warm.toFixed(2)} s (${cache.hits} hits, ${cache.misses} misses)`,
);
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`peak RSS ${peak.toFixed(0)} MB`);
console.log(
  `BENCH markdown posts=${count} parallel_ceiling=${ceiling.toFixed(2)} alloc_parallel_ceiling=${allocCeiling.toFixed(2)} bare_posts_per_s=${bareRate.toFixed(0)} plain_posts_per_s=${plainRate.toFixed(0)} shiki_posts_per_s=${fullRate.toFixed(0)} prism_posts_per_s=${prismRate.toFixed(0)} shiki_tokenizer_stock_mb_s=${stockTokenizerRate.toFixed(2)} shiki_tokenizer_mb_s=${tokenizerRateOurs.toFixed(2)} workers_posts_per_s=${parallelRate.toFixed(0)} cold_1_thread_s=${coldOne.toFixed(2)} cold_${workers}_threads_s=${coldAll.toFixed(2)} cold_prism_1_thread_s=${coldPrism.toFixed(2)} cold_prism_1_thread_mb_s=${(bytes / 1e6 / coldPrism).toFixed(2)}${perCore.map(({ cpu, median, best }) => ` prism_cpu${cpu}_mb_s=${median.toFixed(2)} prism_cpu${cpu}_best_mb_s=${best.toFixed(2)}`).join('')} warm_cache_${cachePosts}_s=${warm.toFixed(2)} peak_rss_mb=${peak.toFixed(0)}`,
);
