/**
 * Jekyll's `x.html` names, given when the build is done (`src/html-files.ts`): the pages are moved in
 * order, and the event loop runs every few milliseconds meanwhile, so Pagefind, which this thread feeds,
 * is not left idle (see `yieldingEvery`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { moveToJekyllNames, type HtmlFile } from '../src/html-files.ts';
import { yieldingEvery } from '../src/shared.ts';

let root: string | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** `performance.now` a millisecond later at each call: the time a step takes, without the clock. */
function millisecondPerCall(): void {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
}

/** Counts the turns of the event loop until `done` settles; fails as `done` fails. */
async function turnsDuring(done: Promise<unknown>): Promise<number> {
  let turns = 0;
  let settled = false;
  const settle = () => (settled = true);
  done.then(settle, settle);
  while (!settled) {
    await new Promise((resolve) => setImmediate(resolve));
    turns++;
  }
  await done;
  return turns - 1;
}

test('yieldingEvery lets the event loop run once the given milliseconds of work have passed, not before', async () => {
  millisecondPerCall();
  const step = yieldingEvery(4);
  const yielded: boolean[] = [];
  for (let call = 1; call <= 4; call++) {
    let ran = false;
    setImmediate(() => (ran = true));
    await step();
    yielded.push(ran);
  }
  // Made at 1 ms, then a step at 2, 3, 4 (less than 4 ms of work: no turn of the loop) and 5.
  expect(yielded).toEqual([false, false, false, true]);
});

test('the pages get their Jekyll names, in order, with the event loop running as they are moved', async () => {
  root = mkdtempSync(join(tmpdir(), 'blog-html-files-'));
  const out = join(root, 'dist');
  const files: HtmlFile[] = Array.from({ length: 60 }, (_, n) => ({
    written: `2024/01/0${(n % 9) + 1}/post-${n}/index.html`,
    target: `2024/01/0${(n % 9) + 1}/post-${n}.html`,
  }));
  for (const [n, file] of files.entries()) {
    mkdirSync(join(out, file.written, '..'), { recursive: true });
    writeFileSync(join(out, file.written), `<p>post ${n}</p>`);
  }
  millisecondPerCall();
  const turns = await turnsDuring(moveToJekyllNames(out, join(root, 'cache'), files, [], new Set()));
  vi.restoreAllMocks();
  for (const [n, file] of files.entries()) {
    expect(readFileSync(join(out, file.target), 'utf8')).toBe(`<p>post ${n}</p>`);
    expect(existsSync(join(out, file.written, '..'))).toBe(false);
  }
  // About one turn every 4 steps of the 60: a loop blocked for all of them would have made none.
  expect(turns).toBeGreaterThanOrEqual(10);
});
