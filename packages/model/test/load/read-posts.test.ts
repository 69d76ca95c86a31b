import { describe, expect, test } from 'vitest';
import { discover } from '../../src/load/discover.ts';
import { readPosts } from '../../src/load/read-posts.ts';
import { run, stateOf } from './site.ts';

const config = 'url: https://wire.example.net\ntimezone: Europe/Madrid\n';

describe('readPosts', () => {
  test('reads dates, slugs, categories from folders and front matter, and Jekyll URLs', () => {
    const state = run(
      stateOf({
        '_config.yml': config,
        'ops/_posts/2024-03-09-bonding-two-links.md':
          '---\ntitle: Bonding two links\ncategories: [linux]\ntags: [lacp, bonding, lacp]\n---\nBody.\n',
        '_posts/2024-04-01-untitled-note.markdown': '---\ndate: 2024-04-01 23:30 +0200\n---\nNo title.\n',
      }),
      discover,
      readPosts,
    );
    expect(state.problems).toEqual([]);
    const [notes, bonding] = [state.entries[0]!, state.entries[1]!];
    expect(bonding.document).toMatchObject({
      collection: 'posts',
      title: 'Bonding two links',
      permalink: '/ops/linux/2024/03/09/bonding-two-links.html',
      url: 'https://wire.example.net/ops/linux/2024/03/09/bonding-two-links.html',
      outputPath: 'ops/linux/2024/03/09/bonding-two-links.html',
      format: 'markdown',
      bodyLine: 6,
    });
    expect(bonding.post).toMatchObject({ tags: ['lacp', 'bonding'], categories: ['ops', 'linux'], draft: false });
    // Midnight in Madrid is the day before in UTC.
    expect(bonding.post!.date.toISOString()).toBe('2024-03-08T23:00:00.000Z');
    expect(notes.document.title).toBe('Untitled Note');
    expect(notes.post).toMatchObject({ dateOffset: 120 });
    expect(notes.post!.date.toISOString()).toBe('2024-04-01T21:30:00.000Z');
  });

  test('skips unpublished, future and (unless asked) draft posts, saying why; warns about misnamed files', () => {
    const files = {
      '_posts/2024-01-05-hidden.md': '---\npublished: false\n---\n',
      '_posts/2027-06-01-later.md': '---\ntitle: Later\n---\n',
      '_posts/notes-without-date.md': '---\n---\n',
      '_drafts/half-written.md': '---\ntitle: Half\n---\n',
    };
    const state = run(stateOf(files), discover, readPosts);
    expect(state.entries).toEqual([]);
    expect(state.skipped.map((entry) => entry.file)).toEqual([
      '_posts/2024-01-05-hidden.md',
      '_posts/2027-06-01-later.md',
      '_drafts/half-written.md',
    ]);
    expect(state.skipped[1]!.reason).toMatch(/future/);
    expect(state.warnings).toEqual([
      expect.objectContaining({ file: '_posts/notes-without-date.md', message: expect.stringMatching(/file name/) }),
    ]);

    const withDrafts = run(stateOf(files, { drafts: true, future: true }), discover, readPosts);
    expect(withDrafts.entries.map((entry) => [entry.document.collection, entry.document.sourcePath])).toEqual([
      ['posts', '_posts/2027-06-01-later.md'],
      ['drafts', '_drafts/half-written.md'],
    ]);
  });

  test('a bad date is a problem with file, line and field, and no post', () => {
    const state = run(
      stateOf({ '_posts/2024-01-05-x.md': '---\ntitle: X\ndate: 5/1/2024\n---\n' }),
      discover,
      readPosts,
    );
    expect(state.entries).toEqual([]);
    expect(state.problems).toEqual([
      expect.objectContaining({ file: '_posts/2024-01-05-x.md', line: 3, field: 'date' }),
    ]);
  });
});
