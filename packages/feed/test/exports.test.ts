import { expect, test } from 'vitest';
import * as feed from '@blog/feed';

test('the public API is exactly this list', () => {
  expect(Object.keys(feed).sort()).toMatchInlineSnapshot(`
    [
      "removeForbiddenXmlCharacters",
      "xmlAttribute",
      "xmlText",
    ]
  `);
});
