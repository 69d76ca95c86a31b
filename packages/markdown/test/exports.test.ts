import { expect, test } from 'vitest';
import * as markdown from '@blog/markdown';

test('the public API is exactly this list', () => {
  expect(Object.keys(markdown).sort()).toMatchInlineSnapshot(`
    [
      "RenderCache",
      "compactResult",
      "createProcessor",
      "documentRenderItem",
      "plainExcerpt",
      "render",
      "renderAll",
      "renderDocument",
      "resolveOptions",
    ]
  `);
});
