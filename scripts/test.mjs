#!/usr/bin/env node
/**
 * Runs every workspace's tests through Turborepo, then sums the JSON
 * reports the Vitest runs wrote (`<workspace>/.test-results/*.json`,
 * restored by turbo on a cache hit) into one closing line:
 * `N passed, N failed` (`, N skipped` when any were skipped).
 *
 * Extra arguments go to `turbo run test` (for example `--filter=@blog/feed`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { quietEnv } from './env.mjs';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['packages', 'apps', 'tests'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, group, entry.name)),
);

// The browser tests drive Debian's Chromium, and the feed tests run the W3C Feed Validator on Debian's
// Python with its HTML and XML libraries. Install what is missing on a fresh machine when we may (root
// with apt), as CI does; elsewhere say how, rather than fail obscurely later.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
const python = spawnSync('/usr/bin/python3', ['-c', 'import html5lib, libxml2, rdflib']);
if (python.status !== 0) missing.push('python3-html5lib', 'python3-libxml2', 'python3-rdflib');
if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
    console.log(`Installing what the tests need (apt-get install ${missing.join(' ')})...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
    if (update.status !== 0 || install.status !== 0) process.exit(1);
  } else {
    console.error(
      `The tests need ${missing.join(', ')} (Debian: sudo apt-get install ${missing.join(' ')}); ` +
        'or set CHROMIUM_PATH to your Chromium.',
    );
    process.exit(1);
  }
}

// Stale reports must not be counted: turbo restores them on a cache hit.
for (const dir of workspaces) rmSync(join(dir, '.test-results'), { recursive: true, force: true });

const run = spawnSync('turbo', ['run', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env: quietEnv,
});

let passed = 0;
let failed = 0;
let skipped = 0;
let reports = 0;
const reported = new Set();
for (const dir of workspaces) {
  const folder = join(dir, '.test-results');
  if (!existsSync(folder)) continue;
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(folder, name), 'utf8'));
    reports++;
    reported.add(dir);
    passed += report.numPassedTests;
    failed +=
      report.numFailedTests +
      (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
    skipped += report.numPendingTests + report.numTodoTests;
  }
}

// A runner that crashed before writing its report still fails the run.
if (run.status !== 0 && failed === 0) failed = 1;
// So does a whole run stopped midway: turbo, sent SIGTERM, shuts its tasks down and exits 0, and the
// reports written by then would read as a smaller, green run. Every workspace with tests writes one (with
// extra arguments, which workspaces ran is turbo's choice, and this check is left out).
const unreported = workspaces.filter((dir) => {
  const manifest = join(dir, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test && !reported.has(dir);
});
if (process.argv.length <= 2 && unreported.length > 0) {
  const names = unreported.map((dir) => dir.slice(root.length)).join(', ');
  console.error(`\nNo test report from ${names}: ${unreported.length === 1 ? 'its' : 'their'} tests did not finish.`);
  failed += unreported.length;
}
console.log(`\n${reports} test reports read`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
