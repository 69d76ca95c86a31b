import { expect, test } from 'vitest';
import * as model from '@blog/model';

test('the public API is exactly this list', () => {
  expect(Object.keys(model).sort()).toMatchInlineSnapshot(`
    [
      "BlogSourceError",
      "formatProblem",
      "parseSiteConfig",
      "permalinkStyles",
      "siteConfigSchema",
    ]
  `);
});
