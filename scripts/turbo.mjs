#!/usr/bin/env node
/**
 * Runs `turbo` with telemetry off; arguments go to turbo.
 *
 * With `BLOG_SOURCE` set, the site is built from a folder outside the
 * workspace, which turbo cannot hash: the site's build must never come from
 * turbo's cache, but the packages it uses still do. So `build` and `preview`
 * run in steps: turbo builds what the site needs (cached as always), the
 * site's own `build` script runs outside turbo (nothing stored for a folder
 * it cannot see), then `preview` serves the result. Any other task run with
 * `BLOG_SOURCE` is forced as a whole, as no cached result can be trusted.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { quietEnv } from './env.mjs';

const args = process.argv.slice(2);

/** Runs a command with the quiet environment (and `options`); exits with its status when it fails. */
function run(command, commandArgs, options = {}) {
  const { status, signal } = spawnSync(command, commandArgs, { stdio: 'inherit', env: quietEnv, ...options });
  const code = status ?? (signal ? 1 : 0);
  if (code !== 0) process.exit(code);
}

const site = new URL('../apps/site/', import.meta.url).pathname;

/**
 * Runs a script of the site's package.json as `pnpm run` does (its `node_modules/.bin` first on PATH),
 * without starting pnpm again: a second pnpm costs most of a second.
 */
function runSiteScript(name) {
  const script = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')).scripts[name];
  const PATH = [join(site, 'node_modules/.bin'), process.env.PATH].join(delimiter);
  run(script, [], { cwd: site, shell: true, env: { ...quietEnv, PATH } });
}

const [command, ...rest] = args;
const tasks = rest.filter((arg) => !arg.startsWith('-'));
const flags = rest.filter((arg) => arg.startsWith('-'));
const filters = flags.filter((flag) => flag.startsWith('--filter='));
const onlySite = filters.length === 1 && filters[0] === '--filter=site';
const single = tasks.length === 1 && (tasks[0] === 'build' || (tasks[0] === 'preview' && onlySite));

if (process.env.BLOG_SOURCE && command === 'run' && single && (onlySite || filters.length === 0)) {
  const others = flags.filter((flag) => !flag.startsWith('--filter='));
  // What the site needs (and, for a plain `build`, every other workspace), from turbo's cache when unchanged.
  run('turbo', ['run', 'build', ...(onlySite ? ['--filter=site^...'] : ['--filter=!site']), ...others]);
  runSiteScript('build');
  if (tasks[0] === 'preview') runSiteScript('preview');
  process.exit(0);
}
if (process.env.BLOG_SOURCE && command === 'run' && !args.includes('--force')) args.push('--force');
run('turbo', args);
