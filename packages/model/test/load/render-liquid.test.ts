import { expect, test } from 'vitest';
import { discover } from '../../src/load/discover.ts';
import { indexDocuments } from '../../src/load/index-documents.ts';
import { readCollections } from '../../src/load/read-collections.ts';
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

test('renderLiquid: include_relative, post_url below baseurl, size of a hash, and a lax warning with its line', () => {
  const state = renderLiquid(
    read({
      '_config.yml': 'baseurl: /notes\n',
      '_posts/2024-02-01-vlans.md': '---\ntags: [a, b]\n---\nVLANs.\n',
      'guide/index.md':
        '---\ntitle: Guide\n---\n{% include_relative parts/step.md %}\n{{ site.tags | size }} tags\n\n{{ oops | }}\n{% raw %}{{ kept | }}{% endraw %}\n',
      'guide/parts/step.md': 'Read [the post]({% post_url 2024-02-01-vlans %}) in {{ page.title }}.',
    }),
  );
  expect(state.problems).toEqual([]);
  const guide = state.entries.find((entry) => entry.document.sourcePath === 'guide/index.md')!;
  expect(guide.document.body).toBe(
    'Read [the post](/notes/2024/02/01/vlans.html) in Guide.\n2 tags\n\n\n{{ kept | }}\n',
  );
  expect(state.warnings).toEqual([
    {
      file: 'guide/index.md',
      line: 7,
      message: 'Liquid: `{{ oops | }}` is not valid Liquid; rendered as Jekyll reads it, as `{{ oops }}`',
    },
  ]);
});

test('renderLiquid: next and previous in a collection (posts oldest first), collection, and no recursion in jsonify', () => {
  const state = renderLiquid(
    run(
      stateOf({
        '_config.yml': 'collections:\n  guides:\n    output: true\n',
        '_posts/2024-01-01-old.md': '---\ntitle: Old\n---\n[{{ page.previous.title }}] [{{ page.next.title }}]\n',
        '_posts/2024-02-01-mid.md':
          '---\ntitle: Mid\n---\n{{ page.previous.title }} {{ page.next.url }} {{ page.next.previous.title }} {{ page.collection }}\n',
        '_posts/2024-03-01-new.md':
          '---\ntitle: New\n---\n{{ page | jsonify | size }} {{ site.posts.first.previous.title }}\n',
        '_guides/a.md': '---\ntitle: A\n---\n{{ page.next.title }} {{ page.collection }}\n',
        '_guides/b.md': '---\ntitle: B\n---\n[{{ page.next.title }}] {{ page.previous.title }}\n',
        'about.md': '---\ntitle: About\n---\n[{{ page.next }}] [{{ page.collection }}]\n',
      }),
      discover,
      readPosts,
      readCollections,
      readPages,
      indexDocuments,
    ),
  );
  expect(state.problems).toEqual([]);
  const body = (path: string) => state.entries.find((entry) => entry.document.sourcePath === path)!.document.body;
  expect(body('_posts/2024-01-01-old.md')).toBe('[] [Mid]\n');
  expect(body('_posts/2024-02-01-mid.md')).toBe('Old /2024/03/01/new.html Mid posts\n');
  // `jsonify` leaves out the neighbours: they would hold the whole collection, each in the next.
  expect(body('_posts/2024-03-01-new.md')).toMatch(/^\d+ Mid\n$/);
  expect(body('_guides/a.md')).toBe('B guides\n');
  expect(body('_guides/b.md')).toBe('[] A\n');
  expect(body('about.md')).toBe('[] []\n');
});

test("renderLiquid: Ruby's entities in escape and xml_escape, integer division, and dates written with or without an offset", () => {
  const state = renderLiquid(
    read({
      '_config.yml': 'timezone: Europe/Madrid\n',
      'filters.md': [
        '---',
        'title: Filters',
        '---',
        `{% capture q %}"It's" <b>&amp;{% endcapture %}{{ q | escape }} | {{ q | escape_once }} | {{ q | xml_escape }} | [{{ nothing | escape }}]`,
        '{{ 10 | divided_by: 4 }} {{ -9 | divided_by: 2 }} {{ 10.0 | divided_by: 4 }} {{ 9 | times: 1.0 | divided_by: 2 }} {{ "9" | divided_by: "2" }}',
        '{{ "2024-03-31 10:00" | date: "%H:%M %z" }} {{ "2024-03-31T10:00:00-05:00" | date: "%H:%M %z" }} {{ "2024-03-31 10:00" | date_to_xmlschema }}',
      ].join('\n'),
    }),
  );
  expect(state.problems).toEqual([]);
  expect(state.entries[0]!.document.body.split('\n')).toEqual([
    '&quot;It&#39;s&quot; &lt;b&gt;&amp;amp; | &quot;It&#39;s&quot; &lt;b&gt;&amp; | &quot;It&apos;s&quot; &lt;b&gt;&amp;amp; | []',
    '2 -5 2.5 4.5 4',
    // Madrid is at +02:00 from 2024-03-31 03:00.
    '10:00 +0200 10:00 -0500 2024-03-31T10:00:00+02:00',
  ]);
});

test("renderLiquid: other template languages' outputs in code are read as Jekyll's lax Liquid reads them, with a warning each", () => {
  const state = renderLiquid(
    read({
      '_config.yml': 'title: Charts\n',
      'helm.md': [
        '---',
        'title: Helm',
        '---',
        '```yaml',
        'image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
        '{{- if .Values.ingress.enabled }}',
        'env: {{ range $key, $value := .Values.env }}{{ $key }}',
        '```',
        '{{ page.title | default(\'x\') | append: "!" }} {{ site.title | }} {{ }} {{ page.title | truncate: 3, "." }}',
        '{{ multi',
        '  line $x }} {{ page.title }}',
        '{% raw %}{{ $kept }}{% endraw %}',
      ].join('\n'),
    }),
  );
  expect(state.problems).toEqual([]);
  expect(state.entries[0]!.document.body.split('\n')).toEqual([
    '```yaml',
    'image: ":"',
    'env: ',
    '```',
    'Helm! Charts  He.',
    // The line end inside the output goes with it, as in Jekyll; the lines of what follows are kept.
    ' Helm',
    '{{ $kept }}',
  ]);
  // One warning per output Jekyll's strict parser rejects, at its line of the file; none for `{{ }}`, nor for
  // `{{- if .Values.ingress.enabled }}`, which Ruby's lexer reads as the variable `if.Values.ingress.enabled`.
  expect(state.warnings.map(({ line, message }) => `${line} ${message}`)).toEqual([
    '5 Liquid: `{{ .Values.image.repository }}` is not valid Liquid; rendered as Jekyll reads it, as `{{ Values.image.repository }}`',
    '5 Liquid: `{{ .Values.image.tag | default .Chart.AppVersion }}` is not valid Liquid; rendered as Jekyll reads it, as `{{ Values.image.tag | default }}`',
    '7 Liquid: `{{ range $key, $value := .Values.env }}` is not valid Liquid; rendered as Jekyll reads it, as `{{ range }}`',
    '7 Liquid: `{{ $key }}` is not valid Liquid; rendered as Jekyll reads it, as `{{ key }}`',
    '9 Liquid: `{{ page.title | default(\'x\') | append: "!" }}` is not valid Liquid; rendered as Jekyll reads it, as `{{ page.title | default | append: "!" }}`',
    '9 Liquid: `{{ site.title | }}` is not valid Liquid; rendered as Jekyll reads it, as `{{ site.title }}`',
    '10 Liquid: `{{ multi\n  line $x }}` is not valid Liquid; rendered as Jekyll reads it, as `{{ multi }}`',
  ]);
});

test('renderLiquid: a condition Liquid’s strict parser rejects is a warning; the conditions it takes are not', () => {
  const state = renderLiquid(
    read({
      '_posts/2024-05-04-conditions.md': [
        '---',
        'title: Conditions',
        'tags: [a, b, c]',
        '---',
        '{% if .Values.enabled %}on{% elsif page.tags.size > 2 and page.title contains "Con" or false %}many{% endif %}',
        '{% for tag in page.tags %}{% unless forloop.last %}{{ tag }},{% endunless %}{% endfor %}',
        '{% if page.nothing == empty %}[empty]{% endif %}{% if page.title == %}eq{% endif %}{%- if page.tags[0] != "z" -%}!{%- endif -%}',
      ].join('\n'),
    }),
  );
  expect(state.problems).toEqual([]);
  // As Jekyll 4.3 renders it (the `liquid-lax` fixture's post): `nil == empty` is false.
  expect(state.entries[0]!.document.body).toBe('many\na,b,\n!');
  expect(state.warnings.map(({ line, message }) => `${line} ${message}`)).toEqual([
    '5 Liquid: `{% if .Values.enabled %}` is not valid Liquid; its condition is read laxly, as Jekyll reads it',
    '7 Liquid: `{% if page.title == %}` is not valid Liquid; its condition is read laxly, as Jekyll reads it',
  ]);
});

test("renderLiquid: a date written as text without a zone is a wall time in the site's zone, whatever the machine's", () => {
  const files = {
    '_config.yml': 'timezone: Europe/Madrid\n',
    'dates.md':
      '---\n---\n{{ "March 14, 2016 10:00" | date: "%H:%M %z" }} {{ "2016-03-14 10:00" | date_to_xmlschema }}\n',
  };
  const machine = process.env.TZ;
  try {
    const bodies = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles'].map((zone) => {
      process.env.TZ = zone;
      return renderLiquid(read(files)).entries[0]!.document.body;
    });
    expect(bodies).toEqual(Array(3).fill('10:00 +0100 2016-03-14T10:00:00+01:00\n'));
  } finally {
    if (machine === undefined) delete process.env.TZ;
    else process.env.TZ = machine;
  }
});

test('renderLiquid: outputs with no value Jekyll can read render nothing, and never stop the build', () => {
  const state = renderLiquid(
    read({
      'odd.md':
        '---\ntitle: Odd\n---\n[{{ | }}] [{{ , }}] [{{ a[$b] }}] [{{ "}}] [{{ page["title"] | x: y[0] }}] [{{ a[b[0]] }}]\n',
    }),
  );
  expect(state.problems).toEqual([]);
  expect(state.entries[0]!.document.body).toBe('[] [] [] [] [Odd] []\n');
  // The last two are valid Liquid.
  expect(state.warnings.map(({ message }) => /`(\{\{.*?\}\})`/.exec(message)![1])).toEqual([
    '{{ | }}',
    '{{ , }}',
    '{{ a[$b] }}',
    '{{ "}}',
  ]);
});
