import { render } from '@blog/markdown';
import { describe, expect, test } from 'vitest';

// kramdown syntax we read but cannot honour is reported with file and line, never silently dropped.
describe('kramdown syntax we do not support', () => {
  test('a kramdown option other than auto_ids is ignored with a message naming the line', async () => {
    const { html, messages } = await render('Intro.\n\n{::options toc_levels="2..3" /}\n\n## Title\n', {
      file: '_posts/x.md',
      line: 4,
    });
    expect(html).toBe('<p>Intro.</p>\n<h2 id="title">Title</h2>');
    expect(messages).toEqual([
      expect.objectContaining({
        file: '_posts/x.md',
        line: 6,
        message: 'The kramdown option `toc_levels` is not supported here; it is ignored',
      }),
    ]);
  });

  test('auto_ids="false" leaves headings without ids, as kramdown does', async () => {
    const { html, messages } = await render('{::options auto_ids="false" /}\n\n## Title {#kept}\n\n## Other\n');
    expect(html).toBe('<h2 id="kept">Title</h2>\n<h2>Other</h2>');
    expect(messages).toEqual([]);
  });

  test('an attribute list naming no definition says which name it dropped', async () => {
    const { html, messages } = await render('{:note: .callout}\n\nText.\n{: note missing}\n', { file: 'a.md' });
    expect(html).toBe('<p class="callout">Text.</p>');
    expect(messages).toEqual([
      expect.objectContaining({
        file: 'a.md',
        line: 3,
        message: 'Unsupported in an attribute list, dropped: `missing`',
      }),
    ]);
  });

  test('an unclosed {::comment} stays as text', async () => {
    const { html } = await render('{::comment}\nNever closed.\n');
    expect(html).toBe('<p>{::comment}\nNever closed.</p>');
  });
});
