#!/usr/bin/env node
/** Runs `turbo` with telemetry off; arguments go to turbo (with `--force` when BLOG_SOURCE is set). */
import { spawnSync } from 'node:child_process';
import { quietEnv } from './env.mjs';

const args = process.argv.slice(2);
// A BLOG_SOURCE folder lies outside the workspace, where turbo cannot hash it: never serve a cached build for it.
if (process.env.BLOG_SOURCE && args[0] === 'run' && !args.includes('--force')) args.push('--force');
const { status, signal } = spawnSync('turbo', args, { stdio: 'inherit', env: quietEnv });
process.exit(status ?? (signal ? 1 : 0));
