import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RenderCache, render, renderAll } from '@blog/markdown';

/** The HTML of the highlighted line starting with `start`: `<span class="line">` and its token spans. */
function lineOf(html: string, start: string): string {
  const lines = html.match(/<span class="line">(?:<span[^>]*>[^<]*<\/span>)*<\/span>/g) ?? [];
  const line = lines.find((text) => text.replace(/<[^>]+>/g, '').startsWith(start));
  if (!line) throw new Error(`no highlighted line starting with ${start} in:\n${html}`);
  return line;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('highlighting does not depend on time', () => {
  test('a clock where every tokenizer step takes ten seconds gives the same tokens', async () => {
    // Each block is new to the process (the highlighter keeps recent blocks), and each language is loaded
    // for the first time under the slow clock: its first line also pays for compiling the grammar.
    const slowSource = '```dockerfile\nFROM debian:bookworm\nRUN apt-get install -y nftables\n```\n';
    const quickSource = '```dockerfile\nFROM debian:bookworm\nRUN apt-get install -y nftables\n# end\n```\n';
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 10_000));
    const slow = await render(slowSource);
    vi.restoreAllMocks();
    const quick = await render(quickSource);
    const run = lineOf(quick.html, 'RUN apt-get');
    expect(run.match(/<span style=/g)!.length).toBeGreaterThan(1);
    expect(lineOf(slow.html, 'RUN apt-get')).toBe(run);
    expect(lineOf(slow.html, 'FROM debian')).toBe(lineOf(quick.html, 'FROM debian'));
  });

  test('a block with a line of 2,000 characters or more is plain code, with a message; shorter lines are highlighted', async () => {
    const long = await render(`\`\`\`js\nconst a = 1;\nconst data = "${'x'.repeat(2_000)}";\n\`\`\`\n`);
    expect(long.html).not.toContain('<span style=');
    expect(long.html).toContain('const a = 1;');
    expect(long.messages).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining('shown as plain code') }),
    ]);
    const shorter = await render(`\`\`\`js\nconst a = 2;\nconst data = "${'x'.repeat(1_980)}";\n\`\`\`\n`);
    expect(shorter.html).toContain('<span style=');
    expect(shorter.messages).toEqual([]);
  }, 60_000);
});

describe('the render cache keeps only clean renderings', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a rendering with a message is rendered again, never read back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'blog-markdown-determinism-'));
    const cache = new RenderCache(join(dir, 'cache'));
    const withProblem = '```klingon\nqapla\n```\n';
    const first = await render(withProblem, { cache });
    expect(first.messages).toHaveLength(1);
    await render(withProblem, { cache });
    expect(cache.hits).toBe(0);
    expect(cache.misses).toBe(2);

    const items = [
      { source: withProblem, options: { file: 'a.md' } },
      { source: 'Clean *text*.', options: { file: 'b.md' } },
    ];
    await renderAll(items, { cache, workers: 1 });
    const again = new RenderCache(join(dir, 'cache'));
    await renderAll(items, { cache: again, workers: 1 });
    expect([again.hits, again.misses]).toEqual([1, 1]);
  });
});
