import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { render } from '@blog/markdown';

const root = new URL('fixtures/', import.meta.url);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Each folder holds `input.md` and the `expected.html` we reviewed; update them with `vitest -u`.
describe('fixtures', () => {
  test.each(cases)('%s', async (name) => {
    const input = readFileSync(new URL(`${name}/input.md`, root), 'utf8');
    const { html, messages } = await render(input, { file: `${name}/input.md` });
    await expect(html).toMatchFileSnapshot(`fixtures/${name}/expected.html`);
    expect(messages).toEqual([]);
  });
});
