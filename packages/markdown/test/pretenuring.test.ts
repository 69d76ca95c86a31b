/**
 * `renderAll({ pretenuring: false })` turns V8's allocation-site pretenuring
 * off for the process, before anything is rendered; without the option, V8's
 * setting is left alone. The call is watched: V8 has no way to read a flag back.
 */
import type * as v8 from 'node:v8';
import { afterEach, expect, test, vi } from 'vitest';

const setFlagsFromString = vi.hoisted(() => vi.fn());
vi.mock('node:v8', async (original) => ({ ...(await original<typeof v8>()), setFlagsFromString }));

const { render, renderAll } = await import('@blog/markdown');

afterEach(() => {
  setFlagsFromString.mockReset();
});

const items = [{ source: '# Title\n\nSome `code` and a [link](https://example.org/).\n' }];

test('pretenuring: false turns V8 pretenuring off before the first post renders', async () => {
  const renderedBefore: boolean[] = [];
  const results = await renderAll(items, {
    workers: 1,
    pretenuring: false,
    onProgress: () => renderedBefore.push(setFlagsFromString.mock.calls.length > 0),
  });
  expect(setFlagsFromString.mock.calls).toEqual([['--no-allocation-site-pretenuring']]);
  expect(renderedBefore).toEqual([true]);
  // The option changes how V8 keeps memory, never what is rendered.
  expect(results[0]!.html).toBe((await render(items[0]!.source)).html);
});

test("V8's setting is left alone by default and with pretenuring: true", async () => {
  await renderAll(items, { workers: 1 });
  await renderAll(items, { workers: 1, pretenuring: true });
  expect(setFlagsFromString).not.toHaveBeenCalled();
});
