import { expect, test } from 'vitest';
import { discover } from '../../src/load/discover.ts';
import { indexDocuments } from '../../src/load/index-documents.ts';
import { readPages } from '../../src/load/read-pages.ts';
import { readPosts } from '../../src/load/read-posts.ts';
import { renderLiquid } from '../../src/load/render-liquid.ts';
import { run, stateOf } from './site.ts';

const read = (files: Record<string, string>) => run(stateOf(files), discover, readPosts, readPages, indexDocuments);

test('renderLiquid: site and page variables and post_url, except where `render_with_liquid: false`', () => {
  const state = renderLiquid(
    read({
      '_config.yml': 'title: Wire Notes\n',
      '_posts/2024-02-01-vlans.md':
        '---\ntitle: VLANs\ntags: [switching]\n---\nOn {{ site.title }}: {{ page.title }}.\n',
      'about.md':
        '---\ntitle: About\n---\nSee [VLANs]({% post_url 2024-02-01-vlans %}); {{ site.tags.switching.size }} post.\n',
      'raw.md': '---\ntitle: Raw\nrender_with_liquid: false\n---\nKept: {{ site.title }}\n',
    }),
  );
  expect(state.problems).toEqual([]);
  expect(state.entries.map((entry) => entry.document.body)).toEqual([
    'On Wire Notes: VLANs.\n',
    'See [VLANs](/2024/02/01/vlans.html); 1 post.\n',
    'Kept: {{ site.title }}\n',
  ]);
});

test('renderLiquid: an error is a problem at the line of the tag in the source file', () => {
  const state = renderLiquid(
    read({ 'broken.md': '---\ntitle: Broken\n---\nFine.\n\n{% if %}\n{% endif %}\n', 'ok.md': '---\n---\n{{ 1 }}\n' }),
  );
  expect(state.problems).toEqual([{ file: 'broken.md', line: 6, message: expect.stringMatching(/^Liquid: /) }]);
  expect(state.entries[1]!.document.body).toBe('1\n');
});

test("renderLiquid: 'now' and 'today' are the build time (site.time) in every date filter, never the clock", () => {
  const state = renderLiquid(
    read({
      'built.md':
        '---\ntitle: Built\n---\n{{ "now" | date: "%Y-%m-%d %H:%M" }} {{ "today" | date_to_xmlschema }} ' +
        '{{ site.time | date: "%Y" }} {{ "2024-02-01" | date: "%b %-d" }}\n',
    }),
  );
  expect(state.problems).toEqual([]);
  // The phase tests build at 2026-01-01T00:00:00Z (site.ts), in the site's time zone (UTC by default).
  expect(state.entries[0]!.document.body).toBe('2026-01-01 00:00 2026-01-01T00:00:00+00:00 2026 Feb 1\n');
});
