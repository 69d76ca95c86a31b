import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { jekyllLoader, postSchema, type JekyllLoaderContext } from '@blog/model';

const root = fileURLToPath(new URL('fixtures/jekyll-site/', import.meta.url));

function context(collection: string) {
  const entries = new Map<
    string,
    { data: Record<string, unknown>; body?: string; filePath?: string; digest?: string }
  >();
  const logs: string[] = [];
  const ctx: JekyllLoaderContext = {
    collection,
    store: {
      clear: () => entries.clear(),
      set: (entry) => {
        entries.set(entry.id, entry);
        return true;
      },
    },
    // Astro validates with the collection schema; do the same.
    parseData: async ({ data }) => data,
    generateDigest: (data) => String(JSON.stringify(data).length),
    logger: { warn: (message) => logs.push(`warn ${message}`), info: (message) => logs.push(`info ${message}`) },
  };
  return { ctx, entries, logs };
}

describe('jekyllLoader', () => {
  test('fills a posts collection whose entries pass the post schema', async () => {
    const loader = jekyllLoader({ root, now: new Date('2026-01-01T00:00:00Z') });
    const { ctx, entries, logs } = context('posts');
    await loader.load(ctx);
    expect([...entries.keys()]).toEqual([
      '_posts/2023-12-14-terraform-to-tofu.md',
      '_posts/2023-11-20-late-night.md',
      '_posts/2023-05-31-hackathon.markdown',
      '_posts/2023-04-27-no-front-date.md',
      'notes/_posts/2022-02-02-in-a-category-folder.md',
    ]);
    const tofu = entries.get('_posts/2023-12-14-terraform-to-tofu.md')!;
    const parsed = postSchema.parse(tofu.data);
    expect(parsed.permalink).toBe('/2023/12/14/terraform-to-tofu.html');
    expect(parsed.date).toEqual(new Date('2023-12-14T15:00:00Z'));
    expect(tofu.body).toContain('https://packets.example.org');
    expect(tofu.filePath).toMatch(/fixtures\/jekyll-site\/_posts\/2023-12-14-terraform-to-tofu\.md$/);
    expect(logs).toContain(
      'warn [@blog/model] _posts/notes.txt: not read as a post: expected a file name like `2023-12-14-my-post.md` (date, then slug)',
    );
    expect(logs.some((line) => line.startsWith('info _posts/2099-01-01-future.md: not published'))).toBe(true);
  });

  test('pages and output collections from the same folder', async () => {
    const pages = context('pages');
    await jekyllLoader({ root, documents: 'pages' }).load(pages.ctx);
    expect([...pages.entries.keys()]).toEqual(['about.md', 'archive.html', 'contact.markdown']);
    const projects = context('projects');
    await jekyllLoader({ root, documents: 'projects' }).load(projects.ctx);
    expect([...projects.entries.values()].map((entry) => entry.data.permalink)).toEqual(['/projects/nft-tools/']);
  });
});
