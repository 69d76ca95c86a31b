import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const dist = new URL('../dist/', import.meta.url);

test('the built home page carries the site config and the rendered about text', () => {
  const html = readFileSync(new URL('index.html', dist), 'utf8');
  expect(html).toContain('<html lang="en"');
  expect(html).toContain('<title>Notes from the packet path</title>');
  expect(html).toContain('<code>_config.yml</code>');
});
