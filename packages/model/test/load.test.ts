import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { BlogSourceError, loadBlog, type Blog } from '@blog/model';
import { makeSite } from './load/site.ts';

const fixture = fileURLToPath(new URL('fixtures/jekyll-site/', import.meta.url));
const now = new Date('2026-01-01T00:00:00Z');

async function load(): Promise<Blog> {
  return loadBlog(fixture, { now });
}

// A copy of the fixture, in a folder removed once the file's tests are done (see `makeSite`).
function copyFixture(): string {
  const dir = makeSite({});
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

describe('loadBlog on a Jekyll folder', () => {
  test('finds the published posts, newest first, with Jekyll URLs', async () => {
    const blog = await load();
    expect(blog.posts.map((post) => [post.sourcePath, post.permalink])).toEqual([
      ['_posts/2023-12-14-terraform-to-tofu.md', '/2023/12/14/terraform-to-tofu.html'],
      // Written 00:30 +0200 on the 21st: the 20th in UTC, the zone of a site without `timezone`.
      ['_posts/2023-11-20-late-night.md', '/networking/2023/11/20/late-night.html'],
      ['_posts/2023-05-31-hackathon.markdown', '/2023/05/31/hackathon.html'],
      ['_posts/2023-04-27-no-front-date.md', '/custom/2023/no-front-date/'],
      ['notes/_posts/2022-02-02-in-a-category-folder.md', '/notes/2022/02/02/in-a-category-folder.html'],
    ]);
    const first = blog.posts[0]!;
    expect(first.url).toBe('https://packets.example.org/2023/12/14/terraform-to-tofu.html');
    expect(first.outputPath).toBe('2023/12/14/terraform-to-tofu.html');
  });

  test('reads front matter as blogs write it', async () => {
    const [tofu, late, hackathon, fromName, inFolder] = (await load()).posts;
    expect(tofu!.title).toBe('Moving state files: from Terraform to OpenTofu');
    expect(tofu!.date.toISOString()).toBe('2023-12-14T15:00:00.000Z');
    expect(tofu!.dateOffset).toBe(120);
    expect(tofu!.tags).toEqual(['opentofu', 'iac', 'wikimedia foundation']);
    expect(tofu!.data.layout).toBe('post');
    expect(late!.title).toBe('Late night: a post written near midnight');
    expect(late!.tags).toEqual(['debian', 'nftables']);
    expect(late!.categories).toEqual(['networking']);
    expect(hackathon!.date.toISOString()).toBe('2023-05-31T00:00:00.000Z');
    expect(hackathon!.dateOffset).toBeUndefined();
    expect(hackathon!.tags).toEqual(['events']);
    expect(fromName!.date.toISOString()).toBe('2023-04-27T00:00:00.000Z');
    expect(inFolder!.categories).toEqual(['notes']);
  });

  test('cuts excerpts at the separator, else at the first paragraph', async () => {
    const [tofu, late, hackathon] = (await load()).posts;
    expect(tofu!.excerpt).toBe(
      'We moved three state backends in an afternoon. The short version: back up\nfirst, then run the migration one workspace at a time[^1].\n\n[^1]: It took longer than an afternoon.\n[p]: https://plans.example.org/tofu',
    );
    expect(tofu!.hasMore).toBe(true);
    expect(late!.excerpt).toBe('Written just after midnight in Madrid, which is still the 20th in UTC.');
    expect(late!.hasMore).toBe(false);
    expect(hackathon!.excerpt).toBe('A day of hacking with friends.');
    expect(hackathon!.hasMore).toBe(true);
  });

  test('renders Liquid before Markdown: site, page, post_url, link, raw, include, highlight, data, date filters', async () => {
    const blog = await load();
    const tofu = blog.posts[0]!;
    expect(tofu.body).toContain('The [plan][p] is in https://packets.example.org.');
    const body = blog.posts.find((post) => post.slug === 'no-front-date')!.body;
    expect(body).toContain('[hackathon notes](/2023/05/31/hackathon.html)');
    expect(body).toContain('[about page](/about/)');
    expect(body).toContain('Liquid shown as is: {{ page.title }}');
    expect(body).toContain('<aside class="note">Remember the backups</aside>');
    expect(body).toContain('```yaml figure\nkey: Packet Path\n```');
    expect(body).toContain('Authors: Ada, Grace.');
    expect(body).toContain('Written on Apr 27, 2023 (2023-04-27T00:00:00+00:00).');
    const archive = blog.pages.find((page) => page.sourcePath === 'archive.html')!;
    expect(archive.body).toContain(
      '<li><a href="/2023/12/14/terraform-to-tofu.html">Moving state files: from Terraform to OpenTofu</a></li>',
    );
  });

  test('pages, navigation, collections, redirects, data and static files', async () => {
    const blog = await load();
    expect(blog.pages.map((page) => [page.sourcePath, page.permalink, page.nav])).toEqual([
      ['about.md', '/about/', true],
      ['archive.html', '/archive.html', true],
      ['contact.markdown', '/contact.html', false],
    ]);
    expect(blog.collections.projects?.map((doc) => [doc.title, doc.permalink, doc.outputPath])).toEqual([
      ['nft tools', '/projects/nft-tools/', 'projects/nft-tools/index.html'],
    ]);
    expect(blog.redirects).toEqual([
      {
        from: '/old-date-post/',
        outputPath: 'old-date-post/index.html',
        to: 'https://packets.example.org/custom/2023/no-front-date/',
        sourcePath: '_posts/2023-04-27-no-front-date.md',
      },
    ]);
    expect(blog.data).toEqual({ authors: [{ name: 'Ada' }, { name: 'Grace' }] });
    expect(blog.staticFiles.map((file) => file.path)).toEqual(['assets/logo.png', 'assets/notes.txt']);
  });

  test('says what it skipped and why, and warns about stray files', async () => {
    const blog = await load();
    expect(blog.skipped.map((entry) => entry.file)).toEqual([
      '_posts/2024-01-10-unpublished.md',
      '_posts/2099-01-01-future.md',
      '_drafts/unfinished-idea.md',
      'feed.xml',
      'index.html',
    ]);
    expect(blog.skipped[0]!.reason).toContain('published: false');
    expect(blog.warnings).toEqual([
      { file: '_posts/notes.txt', message: expect.stringContaining('2023-12-14-my-post.md') },
    ]);
  });

  test('drafts and future posts when asked', async () => {
    const blog = await loadBlog(fixture, { now, drafts: true, future: true });
    expect(blog.posts[0]!.sourcePath).toBe('_posts/2099-01-01-future.md');
    const draft = blog.posts.find((post) => post.draft)!;
    expect(draft.collection).toBe('drafts');
    expect(draft.slug).toBe('unfinished-idea');
  });

  test('the site time zone moves dates in URLs, as Jekyll’s localtime does', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, '_config.yml'), 'title: Zoned\nurl: https://z.example\ntimezone: America/New_York\n');
    const blog = await loadBlog(dir, { now });
    const late = blog.posts.find((post) => post.slug === 'late-night')!;
    // 2023-11-20 22:30 UTC is 17:30 in New York, still the 20th.
    expect(late.permalink).toBe('/networking/2023/11/20/late-night.html');
    // A date with no offset is read in the site zone: midnight in New York.
    const hackathon = blog.posts.find((post) => post.slug === 'hackathon')!;
    expect(hackathon.date.toISOString()).toBe('2023-05-31T04:00:00.000Z');
    expect(hackathon.permalink).toBe('/2023/05/31/hackathon.html');
  });
});

describe('Jekyll filters in Liquid', () => {
  test('where, sort, dates, URLs and escaping', async () => {
    const dir = copyFixture();
    writeFileSync(
      join(dir, 'filters.md'),
      [
        '---',
        'title: Filters & such',
        '---',
        '{% assign tagged = site.posts | where: "categories", "networking" %}{{ tagged | map: "title" | join: "|" }}',
        '{% assign sorted = site.posts | sort: "title" %}{{ sorted | map: "slug" | first }}',
        '{{ site.posts.first.date | date_to_rfc822 }}',
        '{{ site.posts.first.date | date_to_xmlschema }}',
        '{{ "/about/" | absolute_url }} {{ "about/" | relative_url }}',
        '{{ page.title | xml_escape }}',
        '{{ site.posts.size }}',
      ].join('\n'),
    );
    const blog = await loadBlog(dir, { now });
    const lines = blog.pages.find((page) => page.sourcePath === 'filters.md')!.body.split('\n');
    expect(lines).toEqual([
      'Late night: a post written near midnight',
      // "Date from the file name" sorts first.
      'no-front-date',
      'Thu, 14 Dec 2023 15:00:00 +0000',
      '2023-12-14T15:00:00+00:00',
      'https://packets.example.org/about/ /about/',
      'Filters &amp; such',
      '5',
    ]);
  });
});

describe('loadBlog reports every problem with file, line and field', () => {
  test('bad front matter and a broken Liquid tag, all in one run', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, '_posts/2023-01-01-bad-date.md'), '---\ntitle: Bad date\ndate: 14/12/2023\n---\nBody\n');
    writeFileSync(join(dir, '_posts/2023-01-02-bad-published.md'), '---\ntitle: x\n\npublished: maybe\n---\nBody\n');
    writeFileSync(join(dir, '_posts/2023-01-03-bad-yaml.md'), '---\ntitle: [unclosed\n---\nBody\n');
    writeFileSync(
      join(dir, '_posts/2023-01-05-bad-quote.md'),
      '---\ntitle: Quote\ndescription: "unclosed\ntags: [a]\n---\nBody\n',
    );
    writeFileSync(
      join(dir, '_posts/2023-01-04-bad-link.md'),
      '---\ntitle: Link\n---\nLine one.\n\nSee {% post_url 2019-01-01-missing %}.\n',
    );
    writeFileSync(join(dir, 'about-copy.md'), '---\ntitle: Copy\npermalink: /about/\n---\nDuplicate.\n');
    mkdirSync(join(dir, 'sub'));
    let error: BlogSourceError | undefined;
    try {
      await loadBlog(dir, { now });
    } catch (caught) {
      error = caught as BlogSourceError;
    }
    expect(error).toBeInstanceOf(BlogSourceError);
    const lines = error!.message
      .split('\n')
      .slice(1)
      .map((line) => line.trim());
    expect(lines).toEqual([
      expect.stringMatching(
        /^\[@blog\/model\] _posts\/2023-01-01-bad-date\.md:3: `date`: expected a date like .*, got `14\/12\/2023`$/,
      ),
      '[@blog/model] _posts/2023-01-02-bad-published.md:4: `published`: expected `true` or `false`, got `maybe`',
      expect.stringMatching(/^\[@blog\/model\] _posts\/2023-01-03-bad-yaml\.md:\d: invalid YAML/),
      // The quote opens on line 3: reported there, once.
      '[@blog/model] _posts/2023-01-05-bad-quote.md:3: invalid YAML: Missing closing "quote',
      expect.stringMatching(
        /^\[@blog\/model\] _posts\/2023-01-04-bad-link\.md:6: Liquid: `\{% post_url 2019-01-01-missing %\}`: expected the file name of a post/,
      ),
    ]);
  });

  test("`{% highlight %}` follows the site's `highlighter`, as Jekyll's tag does; bad markup fails with file:line", async () => {
    const post =
      '---\ntitle: Tag\n---\nCode:\n\n{% highlight C++ linenos %}\n\n  if (a < b) {}\n\n{% endhighlight %}\n';
    const bodyWith = async (config: string): Promise<string> => {
      const dir = makeSite({ '_config.yml': config, '_posts/2024-01-01-tag.md': post });
      return (await loadBlog(dir, { now })).posts[0]!.body;
    };
    // Rouge, by default and for an empty value: a fence, for @blog/markdown to highlight, outer blank lines gone.
    const fence = 'Code:\n\n```c++ linenos\n  if (a < b) {}\n```\n';
    expect(await bodyWith('title: Default\n')).toBe(fence);
    expect(await bodyWith('highlighter:\n')).toBe(fence);
    // Any other name, `false` included: Jekyll's plain HTML, escaped as CGI.escapeHTML, stripped, no line numbers.
    const plain =
      'Code:\n\n<figure class="highlight"><pre><code class="language-c--" data-lang="c++">if (a &lt; b) {}</code></pre></figure>\n';
    expect(await bodyWith('highlighter: false\n')).toBe(plain);
    expect(await bodyWith('highlighter: prism\n')).toBe(plain);

    const dir = copyFixture();
    writeFileSync(
      join(dir, '_posts/2023-01-06-bad-tag.md'),
      '---\ntitle: x\n---\nOne.\n\n{% highlight my lang! %}\nx\n{% endhighlight %}\n',
    );
    await expect(loadBlog(dir, { now })).rejects.toThrow(
      /_posts\/2023-01-06-bad-tag\.md:6: .*expected `\{% highlight <language> \[linenos\] %\}`/,
    );
  });

  test('`{% highlight %}` on a `pygments` site: rendered as with Rouge, and a warning for each tag rendered', async () => {
    const dir = makeSite({
      '_config.yml': 'highlighter: pygments\n',
      '_includes/listing.md': 'Shared:\n\n{% highlight sh %}\nls\n{% endhighlight %}\n',
      '_posts/2024-01-01-tag.md':
        '---\ntitle: Tag\n---\nOne:\n\n{% highlight ini %}\na=1\n{% endhighlight %}\n\n' +
        '{% if false %}{% highlight ini %}b=2{% endhighlight %}{% endif %}\n\n{% include listing.md %}\n',
    });
    const blog = await loadBlog(dir, { now });
    expect(blog.posts[0]!.body).toBe('One:\n\n```ini figure\na=1\n```\n\n\n\nShared:\n\n```sh figure\nls\n```\n\n');
    const said =
      'Highlight Tag no longer supports rendering with Pygments. Using the default highlighter, Rouge, instead.';
    expect(blog.warnings).toEqual([
      { file: '_posts/2024-01-01-tag.md', line: 6, message: `\`{% highlight ini %}\`: ${said}` },
      { file: '_posts/2024-01-01-tag.md', line: undefined, message: `\`{% highlight sh %}\`: ${said} (in an include)` },
    ]);
  });

  test('two pages with one permalink: the one Jekyll writes last is kept, and a warning names both', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'about-copy.md'), '---\ntitle: Copy\npermalink: /about/\n---\nDuplicate.\n');
    const blog = await loadBlog(dir, { now });
    expect(blog.pages.filter((page) => page.permalink === '/about/').map((page) => page.sourcePath)).toEqual([
      'about.md',
    ]);
    expect(blog.warnings).toContainEqual({
      file: 'about.md',
      line: 4,
      field: 'permalink',
      message:
        '`/about/index.html` is written by about-copy.md:3 and about.md:4; the last one is kept, as Jekyll writes it last: give the others another `permalink`',
    });
  });
});
