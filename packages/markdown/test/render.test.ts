import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { RenderCache, compactResult, createProcessor, render, renderAll } from '@blog/markdown';
import { png } from './png.ts';

const post = `Backups first, then the migration[^1]. Read [the plan](plan.html).

<!--more-->

## Moving state

Run it per workspace.

### One at a time

![Diagram](/assets/diagram.png)

<img srcset="/img/a-1x.png 1x, /img/a-2x.png 2x" src="/img/a.png" alt="Two sizes">

## Cleaning up

Done.

[^1]: Not really an afternoon.
`;

describe('render', () => {
  test('excerpt up to the separator, as whole elements, without footnote references', async () => {
    const result = await render(post);
    expect(result.excerptHtml).toBe('<p>Backups first, then the migration. Read <a href="plan.html">the plan</a>.</p>');
    expect(result.excerptText).toBe('Backups first, then the migration. Read the plan.');
    expect(result.hasMore).toBe(true);
    expect(result.html).toContain('<sup id="fnref:1"><a href="#fn:1" class="footnote" role="doc-noteref">1</a></sup>');
  });

  test('without a separator the excerpt is the first block; an explicit excerpt wins', async () => {
    const first = await render('# Title\n\nBody text.');
    expect(first.excerptHtml).toBe('<h1 id="title">Title</h1>');
    expect(first.hasMore).toBe(true);
    const only = await render('Just one paragraph.');
    expect(only.hasMore).toBe(false);
    const explicit = await render('Body.', { excerpt: 'A *custom* summary.' });
    expect(explicit.excerptHtml).toBe('<p>A <em>custom</em> summary.</p>');
  });

  test('the plain-text excerpt is cut at a word, under 160 characters', async () => {
    const long = `${'Packets cross the bridge and the firewall counts every one of them. '.repeat(5)}\n\nMore.`;
    const { excerptText } = await render(long);
    expect(excerptText.length).toBeLessThanOrEqual(160);
    expect(excerptText).toMatch(/^Packets cross the bridge .* [a-z]+…$/);
  });

  test('headings, table of contents, word count and reading time', async () => {
    const result = await render(post);
    expect(result.headings).toEqual([
      { depth: 2, id: 'moving-state', text: 'Moving state' },
      { depth: 3, id: 'one-at-a-time', text: 'One at a time' },
      { depth: 2, id: 'cleaning-up', text: 'Cleaning up' },
    ]);
    expect(result.toc.map((entry) => [entry.id, entry.children.map((child) => child.id)])).toEqual([
      ['moving-state', ['one-at-a-time']],
      ['cleaning-up', []],
    ]);
    // Prose words only: 10 + 3 + 4 + 3 + 2 + 1 + 4 (footnote), code excluded.
    const words = await render('One two three.\n\n```sh\nnot counted here\n```\n\nFour five.');
    expect(words.wordCount).toBe(5);
    expect(words.readingTime).toBe(1);
    const long = await render('word '.repeat(1000));
    expect(long.readingTime).toBe(5);
  });

  test('the digest is the same for the same source and options, and changes with what changes the result', async () => {
    const source = 'Backups "first".\n\n<!--more-->\n\n## Moving state\n\nRun it per workspace.\n';
    const first = await render(source, { file: '_posts/a.md' });
    expect(first.digest).toMatch(/^[\w-]{43}$/);
    expect((await render(source, { file: '_posts/a.md' })).digest).toBe(first.digest);
    const others = [
      // Only the HTML differs (and the excerpt, which is part of it): straight quotes instead of curly ones.
      await render(source, { file: '_posts/a.md', smartypants: false }),
      // Only the excerpt.
      await render(source, { file: '_posts/a.md', excerpt: 'Another *summary*.' }),
      // Only the reading time.
      await render(source, { file: '_posts/a.md', wordsPerMinute: 1 }),
    ];
    expect(others[0]!.html).not.toBe(first.html);
    expect([others[1]!.html, others[1]!.excerptHtml !== first.excerptHtml]).toEqual([first.html, true]);
    expect([others[2]!.html, others[2]!.excerptHtml]).toEqual([first.html, first.excerptHtml]);
    expect(others[2]!.readingTime).toBeGreaterThan(first.readingTime);
    for (const other of others) expect(other.digest).not.toBe(first.digest);
  });

  test('the digest is the same from the strings, from a compact result, from every thread of renderAll and from its cache', async () => {
    const sources = [
      'Backups "first", naïvely.\n\n<!--more-->\n\n```sh\nls\n```\n',
      // The excerpt is the whole post: its HTML is held once.
      'One paragraph only, with a “quote”.\n',
    ];
    for (const source of sources) {
      const { digest } = await render(source);
      expect(compactResult(await render(source)).digest).toBe(digest);
      const folder = mkdtempSync(join(tmpdir(), 'blog-markdown-'));
      onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
      for (const options of [{ workers: 1 }, { workers: 2, mainThread: false, batchSize: 1 }]) {
        for (const compact of [false, true]) {
          // Without a cache; with a new one (rendered, the key known); with the same one (read back).
          for (const cache of [undefined, 'new', 'same']) {
            const renderCache =
              cache === undefined
                ? undefined
                : new RenderCache(join(folder, cache === 'new' ? `${compact}${options.workers}` : 'same'));
            const [inBatch] = await renderAll([{ source }, { source: 'Another.\n' }], {
              ...options,
              compact,
              cache: renderCache,
            });
            expect(inBatch!.digest, JSON.stringify({ ...options, compact, cache })).toBe(digest);
          }
        }
      }
    }
  });

  test('the digest changes with an image the post reads, its source and options unchanged', async () => {
    const root = mkdtempSync(join(tmpdir(), 'blog-markdown-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets/diagram.png'), png(3, 2));
    // In the excerpt and after it: the post and its excerpt read it, one file in one state.
    const source = 'A figure: ![Diagram](/assets/diagram.png)\n\nAgain:\n\n![Diagram](/assets/diagram.png)\n';
    const stamp = () => {
      const { size, mtimeMs } = statSync(join(root, 'assets/diagram.png'));
      return `${size}:${mtimeMs}`;
    };
    const before = await render(source, { imageRoot: root });
    expect(before.excerptHtml).toContain('width="3"');
    expect(before.files).toEqual([join(root, 'assets/diagram.png')]);
    expect(before.fileStamps).toEqual([stamp()]);
    expect((await render(source, { imageRoot: root })).digest).toBe(before.digest);
    writeFileSync(join(root, 'assets/diagram.png'), png(5, 4));
    const after = await render(source, { imageRoot: root });
    expect([before.html.includes('width="3"'), after.html.includes('width="5"')]).toEqual([true, true]);
    expect(after.fileStamps).toEqual([stamp()]);
    expect(after.digest).not.toBe(before.digest);
  });

  test('feed mode makes href, src and srcset absolute against the post URL', async () => {
    const { html } = await render(post, { baseUrl: 'https://blog.example.org/2023/12/14/state.html' });
    expect(html).toContain('<a href="https://blog.example.org/2023/12/14/plan.html">the plan</a>');
    expect(html).toContain('src="https://blog.example.org/assets/diagram.png"');
    expect(html).toContain(
      'srcset="https://blog.example.org/img/a-1x.png 1x, https://blog.example.org/img/a-2x.png 2x"',
    );
    expect(html).toContain('href="https://blog.example.org/2023/12/14/state.html#fn:1"');
    expect(html).not.toMatch(/(href|src)="\//);
  });

  test('feed mode: plain code, no scripts, styles or event attributes, embeds as links to their source', async () => {
    const source = [
      'Intro with <span style="color: var(--accent)">a variable</span>, <span style="text-align: center">plain</span>',
      'and <button onclick="alert(1)" type="button">a button</button>.',
      '',
      '```python',
      'print("hi")',
      '```',
      '',
      '<script>track()</script>',
      '',
      '<style>.x { color: red }</style>',
      '',
      '<iframe src="https://video.example/embed/42" title="A talk on packet filters" width="560"></iframe>',
      '',
      '<video controls><source src="/media/demo.webm" type="video/webm"></video>',
      '',
      '<iframe srcdoc="<p>inline</p>"></iframe>',
      '',
      'The end.',
    ].join('\n');
    const { html } = await render(source, { baseUrl: 'https://blog.example.org/2023/12/14/state.html' });
    expect(html).toContain('<pre><code class="language-python">print("hi")\n</code></pre>');
    expect(html).not.toMatch(/shiki|<script|<style|onclick|var\(|<iframe|<video|srcdoc/);
    expect(html).toContain('<span>a variable</span>');
    expect(html).toContain('<span style="text-align: center">plain</span>');
    expect(html).toContain('<button type="button">a button</button>');
    expect(html).toContain('<p><a href="https://video.example/embed/42">A talk on packet filters</a></p>');
    expect(html).toContain('<p><a href="https://blog.example.org/media/demo.webm">Video</a></p>');
    expect(html).toContain('<p>The end.</p>');
    // The page's rendering keeps all of it.
    const page = await render(source);
    expect(page.html).toContain('<iframe src="https://video.example/embed/42"');
    expect(page.html).toContain('shiki');
  });

  test('feed mode keeps absolute URLs exactly as written; only relative ones are resolved', async () => {
    const source = [
      'See [the site](https://Example.org), [a path](https://example.org/a/../b?q=1#top),',
      '[mail](mailto:me@example.org), [a protocol-relative one](//cdn.example.org/x.js)',
      'and <a href="HTTP://EXAMPLE.ORG:80/%7euser/">raw HTML</a>.',
    ].join('\n');
    const { html } = await render(source, { baseUrl: 'https://blog.example.org/2023/12/14/state.html' });
    expect(html).toContain('href="https://Example.org"');
    expect(html).toContain('href="https://example.org/a/../b?q=1#top"');
    expect(html).toContain('href="mailto:me@example.org"');
    expect(html).toContain('href="https://cdn.example.org/x.js"');
    expect(html).toContain('href="HTTP://EXAMPLE.ORG:80/%7euser/"');
  });

  test('local images get their size; every image loads lazily and keeps its alt text', async () => {
    const root = mkdtempSync(join(tmpdir(), 'blog-markdown-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets/diagram.png'), png(3, 2));
    const { html } = await render(post, { imageRoot: root });
    expect(html).toContain(
      '<img src="/assets/diagram.png" alt="Diagram" loading="lazy" decoding="async" width="3" height="2">',
    );
    expect(html).toContain('alt="Two sizes" loading="lazy" decoding="async">');
  });

  test('sanitize mode keeps safe markup and removes the dangerous kind', async () => {
    const source = [
      'Hi <script>alert(1)</script><b onclick="steal()">bold</b> <a href="javascript:alert(1)">x</a>',
      '',
      '<iframe src="https://evil.example"></iframe>',
      '',
      '```js',
      'const safe = true;',
      '```',
    ].join('\n');
    const { html } = await render(source, { sanitize: true });
    expect(html).not.toMatch(/script|onclick|javascript:|iframe/);
    expect(html).toContain('<b>bold</b>');
    expect(html).toContain('<code class="language-js">');
  });

  test('raw HTML that is not allowed is dropped with a message naming the line', async () => {
    const { html, messages } = await render('Text\n\n<div>raw</div>\n', {
      allowDangerousHtml: false,
      file: 'a.md',
      line: 4,
    });
    expect(html).toBe('<p>Text</p>\n');
    expect(messages).toEqual([
      expect.objectContaining({ file: 'a.md', line: 6, message: expect.stringContaining('Raw HTML dropped') }),
    ]);
  });

  test('an unknown language is plain code plus a message with file and line', async () => {
    const { html, messages } = await render('Intro\n\n```klingon\nQapla\n```\n', { file: '_posts/x.md', line: 5 });
    expect(html).toContain('<pre><code class="language-klingon">Qapla\n</code></pre>');
    expect(messages).toEqual([
      {
        message: 'Unknown language `klingon` in a code block; it is shown as plain code',
        file: '_posts/x.md',
        line: 7,
        column: 1,
        source: undefined,
      },
    ]);
  });

  test.each(['shiki', 'prism'] as const)(
    'an empty block keeps the wrapper and an empty `code`, as kramdown writes it (%s)',
    async (engine) => {
      const { html } = await render('```sh\n```\n\nThen:\n\n```sh\nls\n```\n', { highlight: { engine } });
      const blocks = html.split('<p>Then:</p>');
      expect(blocks[0]).toMatch(
        /^<div class="language-sh highlighter-rouge"><div class="highlight"><pre [^>]+><code class="language-sh"><\/code><\/pre><\/div><\/div>\n$/,
      );
      // The next block of the language is highlighted as always.
      expect(blocks[1]).toMatch(/<code class="language-sh"><span[^>]*>.*ls/);
    },
  );

  test('KaTeX at build time when asked', async () => {
    const { html } = await render('$$x^2$$', { math: 'katex' });
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('\\(');
  });

  test('optional heading anchors', async () => {
    const { html } = await render('## Setup', { headingAnchors: true });
    expect(html).toBe(
      '<h2 id="setup">Setup<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#setup">#</a></h2>',
    );
  });

  test('malformed Markdown never throws and loses no text', async () => {
    const inputs = [
      '[unclosed *emph',
      '```\nunterminated fence',
      '| a |\n|---|\n| b | c | d |',
      '<div>\n*unclosed',
      '[^missing]',
    ];
    for (const input of inputs) {
      const { html } = await render(input);
      for (const word of input.match(/[a-z]{4,}/g) ?? []) expect(html).toContain(word);
    }
    const orphan = await render('{: .orphan}', { file: 'o.md' });
    expect(orphan.messages.map((message) => [message.line, message.message])).toEqual([
      [1, 'An attribute list with no element before or after it is dropped'],
    ]);
  });

  test('createProcessor is an ordinary unified processor', async () => {
    const file = await createProcessor({ highlight: false }).process('*Hi* -- there');
    expect(String(file)).toBe('<p><em>Hi</em> – there</p>');
  });
});
