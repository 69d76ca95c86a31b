import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dist, filesBelow, validateFeed } from './dist.ts';

// Every RSS and Atom feed of the demo (the main feeds and one per tag) passes the W3C Feed Validator
// with no error and no warning. JSON Feed is checked against its schema by @blog/feed's tests.
const feeds = filesBelow(dist).filter((file) => /(^|\/)(feed|atom)\.xml$/.test(file));

describe('the W3C Feed Validator finds nothing in the demo feeds', () => {
  test('there are the main feeds and tag feeds', () => {
    expect(feeds).toContain('feed.xml');
    expect(feeds).toContain('atom.xml');
    expect(feeds.filter((file) => file.startsWith('tags/')).length).toBeGreaterThan(5);
  });

  test.each(feeds)('%s', (file) => {
    expect(validateFeed(join(dist, file))).toEqual([]);
  });
});
