#!/usr/bin/env node
/**
 * Publishes the @blog packages: builds them, checks them (publint), then
 * `changeset publish`. With `--dry-run` it does everything but the upload:
 * each package is packed and `pnpm publish --dry-run` shows what would go out.
 *
 *   pnpm release --dry-run
 */
import { spawnSync } from 'node:child_process';
import { quietEnv } from './env.mjs';

const dryRun = process.argv.includes('--dry-run');
const run = (command, args) => {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: quietEnv });
  if (status !== 0) process.exit(status ?? 1);
};

run('turbo', ['run', 'build', '--filter=./packages/*']);
for (const name of ['model', 'markdown', 'feed', 'theme']) run('publint', [`packages/${name}`]);
if (dryRun) {
  run('pnpm', ['-r', '--filter', './packages/*', 'publish', '--dry-run', '--no-git-checks', '--access', 'public']);
  console.log('\nDry run: nothing was published.');
} else {
  run('changeset', ['publish']);
}
