/**
 * `highlight: { engine: 'prism' }`: Prism's tokens (through refractor) in
 * kramdown's wrapper, the same tree and HTML as refractor's, the same text as
 * Shiki's output and as no highlighting, the names blogs use, unknown
 * languages, and the options that do not go with it. That every language is
 * loaded is tested apart (`prism-languages.test.ts`): this file loads them all
 * itself, to compare with refractor.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { refractor } from 'refractor/all';
import { describe, expect, test, vi } from 'vitest';
import { postBody } from '../bench/corpus.mjs';
import { render, resolveOptions } from '../src/index.ts';
import { prismEngine, prismNames } from '../src/prism.ts';
import { referenceSources } from './reference-sources.ts';

const prism = { highlight: { engine: 'prism' } } as const;

/** The `code` elements of an HTML document. */
function codeElements(html: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'code') found.push(child);
      else visit(child);
    }
  };
  visit(fromHtml(html, { fragment: true }));
  return found;
}

describe('Prism', () => {
  test("a block is Prism's tokens for its language, in kramdown's wrapper", async () => {
    const code = 'def count(rules):\n    """Accepting rules."""\n    return sum(1 for r in rules if r)  # all';
    const { html } = await render(`Intro\n\n\`\`\`python\n${code}\n\`\`\`\n`, prism);
    const tokens = toHtml(refractor.highlight(code, 'python'));
    expect(html).toBe(
      '<p>Intro</p>\n<div class="language-python highlighter-rouge"><div class="highlight">' +
        `<pre tabindex="0" class="highlight prism"><code class="language-python">${tokens}</code></pre></div></div>`,
    );
    expect(tokens).toContain('<span class="token keyword">def</span>');
    expect(tokens).toContain('<span class="token comment"># all</span>');
  });

  test('the text of every code block is the same as with Shiki and with no highlighting', async () => {
    for (let n = 1; n <= 12; n++) {
      const source = postBody(n);
      const [plain, shiki, prismed] = await Promise.all([
        render(source, { highlight: false }),
        render(source),
        render(source, prism),
      ]);
      const text = (html: string) => codeElements(html).map((code) => toString(code).replace(/\n$/, ''));
      expect(text(prismed.html)).toEqual(text(plain.html));
      expect(text(prismed.html)).toEqual(text(shiki.html));
      // Every fenced block of the post was highlighted: none is left as `pre > code` alone.
      expect(prismed.html.match(/<pre tabindex="0" class="highlight prism">/g)?.length).toBe(
        source.match(/^```[a-z]/gm)?.length,
      );
      expect(prismed.messages).toEqual([]);
    }
  });

  test("every block's tree is refractor's, also in languages whose hooks change tokens or spans", async () => {
    const engine = await prismEngine();
    const cases = [
      // markup's `wrap` hook gives entities a `title`: the block is left to refractor.
      '```html\n<p title="a &amp; b">&copy; 2026 &lt;me&gt;</p>\n```',
      // markdown's hooks give a fenced block inside its language's class, and highlight it.
      '````markdown\n# Title\n\n```python\nx = 1\n```\n````',
      // PHP and ERB tokenize their templates apart (`before-tokenize` and `after-tokenize` hooks).
      '```php\n<p><?php echo $name; ?></p>\n```',
      '```erb\n<p><%= @name %></p>\n```',
      '```js\nconst s = `a ${b} <c> & d`; // \uD83D\uDE00 \u00A0\n```',
    ];
    let blocks = 0;
    for (const source of referenceSources(cases, { posts: 40 })) {
      for (const match of source.matchAll(/^(`{3,}|~{3,})[ \t]*([\w+#-]+)[^\n]*\n([\s\S]*?)\n\1[ \t]*$/gm)) {
        const language = await engine.language(match[2]!.toLowerCase());
        if (!language) continue;
        const code = engine.highlight(match[3]!, language).children[0] as Element;
        expect(code.children, `${language}: ${match[3]!.slice(0, 60)}`).toEqual(
          refractor.highlight(match[3]!, language).children,
        );
        blocks++;
      }
    }
    expect(blocks).toBeGreaterThan(300);
  });

  test("the table of Shiki's names names only languages Prism has, by names Prism lacks", () => {
    for (const [name, target] of Object.entries(prismNames)) {
      expect(refractor.registered(name), name).toBe(false);
      expect(refractor.registered(target), target).toBe(true);
    }
    // Shiki's names for the corpus's languages are all understood.
    for (const name of ['console', 'terraform', 'dockerfile', 'shellscript', 'rs', 'c++']) {
      expect(Object.hasOwn(prismNames, name) || refractor.registered(name), name).toBe(true);
    }
  });

  test('the names blogs use for a language Prism calls otherwise, and its own aliases', async () => {
    const blocks: [string, string, string][] = [
      ['console', '$ nft list ruleset', 'shell-session'],
      ['terraform', 'resource "aws_instance" "web" {}', 'hcl'],
      ['golang', 'func main() {}', 'go'],
      ['zsh', 'echo $HOME', 'bash'],
      // Prism's own aliases.
      ['dockerfile', 'FROM debian:bookworm-slim', 'docker'],
      ['elisp', '(defun f () 1)', 'lisp'],
    ];
    for (const [name, code, language] of blocks) {
      const { html, messages } = await render(`\`\`\`${name}\n${code}\n\`\`\`\n`, prism);
      expect(messages).toEqual([]);
      expect(html).toContain(`<code class="language-${name}">${toHtml(refractor.highlight(code, language))}</code>`);
      expect(html).toContain('<span class="token');
    }
  });

  test('nftables, which Prism lacks, is highlighted with the words of our Shiki grammar', async () => {
    const code = 'table inet filter {\n  chain input {\n    ip saddr 192.0.2.0/24 tcp dport 22 accept # admins\n  }\n}';
    for (const name of ['nft', 'nftables']) {
      const { html, messages } = await render(`\`\`\`${name}\n${code}\n\`\`\`\n`, prism);
      expect(messages).toEqual([]);
      expect(html).toContain('<span class="token keyword">table</span> <span class="token builtin">inet</span>');
      expect(html).toContain('<span class="token number">192.0.2.0/24</span>');
      expect(html).toContain('<span class="token keyword">accept</span> <span class="token comment"># admins</span>');
      expect(toString(fromHtml(html, { fragment: true }))).toBe(code);
    }
  });

  test("an unknown language, and a name of Prism's own functions, are plain code with a message", async () => {
    for (const name of ['klingon', 'extend', 'insertBefore', 'constructor', 'toString', '__proto__', '../core']) {
      const { html, messages } = await render(`Intro\n\n\`\`\`${name}\nQapla\n\`\`\`\n`, { ...prism, file: 'a.md' });
      expect(html).toContain(`<pre><code class="language-${name}">Qapla\n</code></pre>`);
      expect(messages.map((message) => [message.line, message.message])).toEqual([
        [3, `Unknown language \`${name}\` in a code block; it is shown as plain code`],
      ]);
    }
  });

  test("Jekyll's line numbers, its `{% highlight %}` wrapper and feeds work as with Shiki", async () => {
    const source = '```ruby linenos\nputs 1\nputs 2\n```\n';
    const { html } = await render(source, prism);
    expect(html).toBe(
      '<figure class="highlight"><pre class="prism" tabindex="0"><code class="language-ruby" data-lang="ruby">' +
        '<table class="rouge-table"><tbody><tr>' +
        '<td class="gutter gl"><pre class="lineno">1\n2\n</pre></td>' +
        `<td class="code"><pre>${toHtml(refractor.highlight('puts 1\nputs 2', 'ruby'))}\n</pre></td>` +
        '</tr></tbody></table></code></pre></figure>',
    );
    const feed = await render('```ruby\nputs 1\n```\n', { ...prism, baseUrl: 'https://example.org/' });
    expect(feed.html).toBe('<pre><code class="language-ruby">puts 1\n</code></pre>');

    // `{% highlight c++ %}` (a fence with `figure`): Jekyll's wrapper, the tokens kept, plain in a feed.
    const tag = '```c++ figure\nint x;\n```\n';
    expect((await render(tag, prism)).html).toBe(
      '<figure class="highlight"><pre class="prism" tabindex="0"><code class="language-c--" data-lang="c++">' +
        `${toHtml(refractor.highlight('int x;', 'cpp'))}</code></pre></figure>`,
    );
    expect((await render(tag, { ...prism, baseUrl: 'https://example.org/' })).html).toBe(
      '<figure class="highlight"><pre><code class="language-c--" data-lang="c++">int x;</code></pre></figure>',
    );
  });

  test('Shiki themes with Prism, or another engine, are errors that say what is expected', () => {
    expect(() => resolveOptions({ highlight: { engine: 'prism', themes: 'css-variables' } })).toThrow(
      /highlight\.themes: Shiki themes do not apply to `engine: 'prism'`/,
    );
    expect(() => resolveOptions({ highlight: { engine: 'chroma' as 'prism' } })).toThrow(
      "highlight.engine: expected `'shiki'` or `'prism'`, got \"chroma\"",
    );
    expect(resolveOptions({ highlight: {} }).highlight).toEqual({ engine: 'shiki', themes: 'css-variables' });
  });
});

test('blocks highlighted with one theme choice are not reused for another in the same process', async () => {
  const source = '```js\nconst answer = 42;\n```\n';
  const variables = await render(source);
  const twoThemes = await render(source, { highlight: { themes: { light: 'github-light', dark: 'github-dark' } } });
  const prismed = await render(source, prism);
  expect(variables.html).toContain('var(--shiki-token-keyword)');
  expect(twoThemes.html).toContain('--shiki-dark:');
  expect(prismed.html).toContain('<span class="token keyword">const</span>');
});

test('a post and its excerpt highlight each block once; the next render highlights its own', async () => {
  const engine = await prismEngine();
  const highlight = vi.spyOn(engine, 'highlight');
  try {
    // The excerpt (up to the separator) repeats the first block; the post repeats it once more.
    const source = [
      'Intro.\n',
      '```python\nprint("first")\n```\n',
      '<!--more-->\n',
      '```python\nprint("second")\n```\n',
      '```python\nprint("first")\n```\n',
    ].join('\n');
    const result = await render(source, prism);
    expect(result.excerptHtml).toContain('<span class="token string">"first"</span>');
    expect(result.html.match(/token string">"first"/g)).toHaveLength(2);
    expect(highlight.mock.calls.map(([text]) => text)).toEqual(['print("first")', 'print("second")']);
    // Nothing is kept from one render to the next: the blocks live as long as their post.
    await render(source, prism);
    expect(highlight).toHaveBeenCalledTimes(4);
  } finally {
    highlight.mockRestore();
  }
});
