#!/usr/bin/env node
/** Runs `turbo` with telemetry off; arguments go to turbo unchanged. */
import { spawnSync } from 'node:child_process';
import { quietEnv } from './env.mjs';

const { status, signal } = spawnSync('turbo', process.argv.slice(2), { stdio: 'inherit', env: quietEnv });
process.exit(status ?? (signal ? 1 : 0));
