import { describe, expect, test } from 'vitest';
import { createProcessor, render } from '@blog/markdown';

describe('render', () => {
  test('renders CommonMark and GFM as a Jekyll post uses them', async () => {
    const source = [
      'Intro with `code` and a [link](https://example.org).',
      '',
      '| Tool | Kind |',
      '| ---- | ---- |',
      '| nft  | CLI  |',
      '',
      '~~gone~~ and https://autolinked.example',
      '',
      '```yaml',
      'key: value',
      '```',
    ].join('\n');
    const { html } = await render(source);
    expect(html).toContain('<p>Intro with <code>code</code> and a <a href="https://example.org">link</a>.</p>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>nft</td>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<a href="https://autolinked.example">https://autolinked.example</a>');
    expect(html).toContain('<pre><code class="language-yaml">key: value\n</code></pre>');
  });

  test('keeps raw HTML from trusted authors, drops it when asked', async () => {
    const source = '<div class="note">kept</div>\n\nText<br>more';
    expect((await render(source)).html).toContain('<div class="note">kept</div>');
    const strict = await render(source, { allowDangerousHtml: false });
    expect(strict.html).not.toContain('<div');
    expect(strict.html).not.toContain('<br>');
  });

  test('a processor is reusable across documents', async () => {
    const processor = createProcessor();
    const first = await render('# One', { processor });
    const second = await render('# Two', { processor });
    expect([first.html, second.html]).toEqual(['<h1>One</h1>', '<h1>Two</h1>']);
  });
});
