/**
 * The theme's log (`@blog/theme/logger`): a build's pages counted, not
 * listed. The messages are those Astro 7's build writes for a page
 * (`core/build/generate.js`): the page's file with its colours and no line
 * end, then its time, `(cached)` or `(restored)`, several pages under way
 * at once.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import blogLogger from '../src/logger.js';
import { logger } from '../src/index.ts';

let printed: string[];

beforeEach(() => {
  printed = [];
  const keep = (chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  vi.spyOn(process.stderr, 'write').mockImplementation(keep);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const start = (file: string): AstroLoggerMessage => ({
  label: null,
  level: 'info',
  message: `  \u001B[34m├─\u001B[39m \u001B[2m${file}\u001B[22m`,
  newLine: false,
});
const end = (note: string): AstroLoggerMessage => ({
  label: 'SKIP_FORMAT',
  level: 'info',
  message: ` \u001B[2m${note}\u001B[22m `,
  newLine: true,
});
const info = (message: string): AstroLoggerMessage => ({ label: null, level: 'info', message, newLine: true });

/** What was printed, without the time and the colours, a line each. */
function lines(): string[] {
  return (
    printed
      .join('')
      // eslint-disable-next-line no-control-regex -- Astro's colours are terminal escapes.
      .replace(/\u001B\[[0-9;]*m/g, '')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/^\d\d:\d\d:\d\d /, ''))
  );
}

function writePages(log: AstroLoggerDestination, count: number, note = (n: number) => `(+${n % 7}ms)`): void {
  // Three pages under way at a time, as Astro renders them.
  for (let n = 0; n < count; n += 3) {
    const batch = Array.from({ length: Math.min(3, count - n) }, (_, i) => n + i);
    for (const page of batch) log.write(start(`/${page}/index.html`));
    for (const page of batch) log.write(end(note(page)));
  }
}

test('a build prints how many pages are written every `every` pages and in all, never a line each', () => {
  const log = blogLogger({ every: 500 });
  log.write(info(' generating static routes '));
  writePages(log, 1_001);
  log.write(info('✓ Completed in 1.2s.'));
  expect(lines()).toEqual([
    ' generating static routes ',
    '  ├─ 500 file(s) written',
    '  ├─ 1000 file(s) written',
    '  └─ 1001 file(s) written',
    '✓ Completed in 1.2s.',
  ]);
});

test("pages from Astro's incremental cache are counted as such; each route is summed up on its own", () => {
  const log = blogLogger();
  writePages(log, 4, (n) => (n % 2 === 0 ? '(cached)' : '(restored)'));
  log.write(info('▶ src/pages/[...page].astro'));
  writePages(log, 2);
  log.write(info('✓ Completed in 0.4s.'));
  expect(lines()).toEqual([
    '  └─ 4 file(s), 4 of them from the incremental cache, written',
    '▶ src/pages/[...page].astro',
    '  └─ 2 file(s) written',
    '✓ Completed in 0.4s.',
  ]);
});

test('a page that is not written is printed as Astro prints it; warnings pass as they are', () => {
  const log = blogLogger();
  writePages(log, 1);
  // A warning while pages are under way: the route is not done, its pages are summed up at its end.
  log.write(start('/a/index.html'));
  log.write(start('/b/index.html'));
  log.write({ label: 'build', level: 'warn', message: 'something to say', newLine: true });
  log.write(end('(+2ms)'));
  log.write(end('(+1ms) (file not created, response body was empty)'));
  log.write(info('✓ Completed in 0.1s.'));
  const printedLines = lines();
  expect(printedLines).toEqual([
    expect.stringMatching(/^\[WARN\] \[build\] something to say$/),
    '  ├─ /b/index.html (+1ms) (file not created, response body was empty) ',
    '  └─ 2 file(s) written',
    '✓ Completed in 0.1s.',
  ]);
});

test('the level is kept: below it, nothing is printed', () => {
  const log = blogLogger({ level: 'warn' });
  writePages(log, 3);
  log.write(info('✓ Completed in 0.1s.'));
  log.write({ label: null, level: 'error', message: 'it failed', newLine: true });
  expect(lines()).toEqual([expect.stringMatching(/it failed$/)]);
});

test('`every` must be a whole number of pages', () => {
  expect(() => blogLogger({ every: 0 })).toThrow('`every` must be a whole number of pages, 1 or more; got 0');
  expect(() => blogLogger({ every: 2.5 })).toThrow(/got 2\.5/);
});

test("`logger()` is Astro's setting for this log, with its options", async () => {
  const setting = logger({ every: 100 });
  expect(setting.config).toEqual({ every: 100 });
  const loaded = (await import(setting.entrypoint.href)) as { default: typeof blogLogger };
  expect(loaded.default).toBe(blogLogger);
});
