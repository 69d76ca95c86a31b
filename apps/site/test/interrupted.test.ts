import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { content, filesBelow } from './dist.ts';

// A build killed at any moment (a closed laptop, a cancelled CI job) and run again gives exactly what a
// clean build gives: no half-written page, cached rendering, search part or social image survives into
// the next build, and nothing the killed build wrote is left over. The moments are chosen by what the
// build has printed, never by time: each kill lands in a different phase, whatever the machine's speed.
const site = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('fixtures/determinism-site/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'blog-interrupted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Builds the demo into `work/<name>` (caches included); with `killAt`, kills the build with SIGKILL as
 * soon as its output matches, and resolves with whether it was killed before it ended.
 */
function build(name: string, killAt?: RegExp): Promise<{ killed: boolean; log: string }> {
  const dir = join(work, name);
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(site, 'node_modules/.bin/astro'),
      ['build', '--root', root, '--outDir', join(dir, 'dist')],
      {
        cwd: site,
        env: {
          ...process.env,
          DETERMINISM_TEST_DIR: dir,
          DETERMINISM_TEST_SOURCE: content,
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: the kill reaches the build's children (Pagefind) too.
        detached: true,
      },
    );
    let log = '';
    let killed = false;
    const take = (chunk: Buffer) => {
      log += chunk;
      if (killAt && !killed && killAt.test(log)) {
        killed = true;
        process.kill(-child.pid!, 'SIGKILL');
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => {
      if (killed || code === 0) resolve({ killed, log });
      else reject(new Error(`the build failed:\n${log.slice(-3000)}`));
    });
  });
}

describe('a build killed and run again gives what a clean build gives', () => {
  test('killed while rendering, while writing pages, and while finishing, then run to the end', async () => {
    const clean = await build('clean');
    expect(clean.killed).toBe(false);

    // Each kill leaves what it leaves for the next build: the state an author or a CI cache meets.
    const moments = [
      /generating static routes/,
      // Past the first pages: Astro has written some, and copied some into its incremental cache.
      /(├─.*\n[^]*){5}/,
      /at their Jekyll names/,
      /social images: /,
    ];
    for (const moment of moments) {
      const run = await build('killed', moment);
      expect(run.killed, `the build ended before ${moment} was printed`).toBe(true);
    }
    const rerun = await build('killed');
    expect(rerun.killed).toBe(false);

    const expected = join(work, 'clean/dist');
    const actual = join(work, 'killed/dist');
    const files = filesBelow(expected);
    expect(files.length).toBeGreaterThan(20);
    expect(filesBelow(actual)).toEqual(files);
    const differing = files.filter(
      (file) => !readFileSync(join(expected, file)).equals(readFileSync(join(actual, file))),
    );
    expect(differing).toEqual([]);
    expect(existsSync(join(actual, '.prerender'))).toBe(false);
  });
});
