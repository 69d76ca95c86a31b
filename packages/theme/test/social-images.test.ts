import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { renderSocialImage, socialImageOf, writeSocialImages } from '../src/social-images.ts';

const folder = mkdtempSync(join(tmpdir(), 'social-images-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const card = { title: 'Finding the lost packets', date: 'Oct 15, 2025', siteName: 'Packet Path' };

describe('social images', () => {
  test('a 1200x630 PNG, the same bytes every time', async () => {
    const first = await renderSocialImage(card);
    const metadata = await sharp(first).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
    expect((await renderSocialImage(card)).equals(first)).toBe(true);
    // The words are drawn: another title gives other pixels.
    expect((await renderSocialImage({ ...card, title: 'Capturing only what you need' })).equals(first)).toBe(false);
  });

  test('named by the hash of what they show; alt text says it', () => {
    const image = socialImageOf(card);
    expect(image.file).toMatch(/^social\/[\w-]{16}\.png$/);
    expect(socialImageOf({ ...card }).file).toBe(image.file);
    expect(socialImageOf({ ...card, date: 'Oct 16, 2025' }).file).not.toBe(image.file);
    expect(image.alt).toBe('Finding the lost packets, Oct 15, 2025, Packet Path');
  });

  test('cached: a second build renders only new cards, and writes the same bytes', async () => {
    const cache = join(folder, 'cache');
    const images = [socialImageOf(card), socialImageOf({ ...card, title: 'Reading a TCP handshake with tshark' })];
    const first = await writeSocialImages(join(folder, 'out1'), cache, images);
    expect(first.rendered).toBe(2);
    const added = socialImageOf({ ...card, title: 'A new post' });
    const second = await writeSocialImages(join(folder, 'out2'), cache, [...images, added]);
    expect(second).toEqual({ files: [...images, added].map((image) => image.file), rendered: 1 });
    for (const image of images) {
      expect(
        readFileSync(join(folder, 'out2', image.file)).equals(readFileSync(join(folder, 'out1', image.file))),
      ).toBe(true);
    }
  });

  test('two posts with the same card share one image, written once', async () => {
    const same = [socialImageOf(card), socialImageOf({ ...card })];
    const written = await writeSocialImages(join(folder, 'out3'), join(folder, 'cache3'), same);
    expect(written).toEqual({ files: [same[0]!.file, same[0]!.file], rendered: 1 });
    const png = readFileSync(join(folder, 'out3', same[0]!.file));
    expect((await sharp(png).metadata()).format).toBe('png');
  });
});
