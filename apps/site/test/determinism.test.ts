import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { content, filesBelow } from './dist.ts';

// The same source built twice from scratch (empty caches, empty output folder), the second time while
// every core is kept busy by other processes, gives the same bytes: output depends on the source alone,
// never on the clock, the machine's load or the order in which threads finish.
const site = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('fixtures/determinism-site/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'blog-determinism-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Builds `source`. `direct` starts Astro's own script with this Node and no `NODE_PATH`, as an editor or a
 * container may: pnpm's `.bin/astro` sets `NODE_PATH` to every hoisted package, which can hide a module
 * that finds its dependencies from the wrong folder once Astro has bundled it.
 */
async function build(source: string, name: string, direct = false): Promise<string> {
  const dir = join(work, name);
  const out = join(dir, 'dist');
  const args = ['build', '--root', root, '--outDir', out];
  const env = { ...process.env };
  delete env.NODE_PATH;
  await promisify(execFile)(
    direct ? process.execPath : join(site, 'node_modules/.bin/astro'),
    direct ? [join(site, 'node_modules/astro/bin/astro.mjs'), ...args] : args,
    {
      cwd: site,
      env: { ...env, DETERMINISM_TEST_DIR: dir, DETERMINISM_TEST_SOURCE: source, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return out;
}

/** Busy loops on every core until stopped. */
function loadEveryCore(): () => void {
  const burners: ChildProcess[] = Array.from({ length: availableParallelism() }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  return () => {
    for (const burner of burners) burner.kill('SIGKILL');
  };
}

function expectSameFolders(a: string, b: string): void {
  const files = filesBelow(a);
  expect(files.length).toBeGreaterThan(20);
  expect(filesBelow(b)).toEqual(files);
  const differing = files.filter((file) => !readFileSync(join(a, file)).equals(readFileSync(join(b, file))));
  expect(differing).toEqual([]);
}

describe('two builds of the same source are byte-identical, the second on a busy machine, started without pnpm', () => {
  test.each([
    ['the demo', content],
    ['the Jekyll fixture', fileURLToPath(new URL('fixtures/jekyll-blog/', import.meta.url))],
  ])('%s', async (name, source) => {
    const quiet = await build(source, `${name}-quiet`);
    const stop = loadEveryCore();
    let busy: string;
    try {
      busy = await build(source, `${name}-busy`, true);
    } finally {
      stop();
    }
    expectSameFolders(quiet, busy);
  });
});
