/**
 * Social images (`socialImages` option): a 1200x630 PNG for each post
 * without an `image`, showing its title, date and the site's name, for
 * `og:image` and `twitter:image`. satori lays the card out as SVG with the
 * Inter font of `@fontsource/inter` (read from node_modules, never the
 * network), sharp turns it into PNG. Each image is named and cached by the
 * hash of what it shows, so a rebuild renders only new or changed cards.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Blog, Post } from '@blog/model';
import type satoriFunction from 'satori';
import type sharpFunction from 'sharp';
import { formatDate } from './format.js';

export const socialImageWidth = 1200;
export const socialImageHeight = 630;

/** What a card shows. */
export interface SocialCard {
  title: string;
  /** The post's date as the site shows it (`Sep 3, 2025`). */
  date: string;
  siteName: string;
}

/** A card's image: where it is published and what it says. */
export interface SocialImage {
  /** File below the output folder (`social/<hash>.png`). */
  file: string;
  /** Text alternative: the card's words. */
  alt: string;
  card: SocialCard;
}

// Part of every hash: a change to the layout below or to the libraries makes new images.
const layoutVersion = '2';
const require = createRequire(import.meta.url);

type FontFile = { weight: 400 | 700; path: string };
/** satori's version, and where satori, sharp and the font files are. */
type Shared = { satoriVersion: string; satori: string; sharp: string; fonts: FontFile[] };
const sharedKey = Symbol.for('@blog/theme:social-images');

/**
 * satori, sharp and the font files, found where the theme is installed. This module runs twice
 * in a build: as part of the integration, from the theme's folder, and bundled into the pages, from
 * Astro's output folder, where the theme's dependencies are not found (with pnpm, unless a `pnpm`
 * command sets `NODE_PATH`). The integration's copy, loaded first, finds them and shares them.
 */
function shared(): Shared {
  const holder = globalThis as { [sharedKey]?: Shared };
  holder[sharedKey] ??= {
    satoriVersion: (require('satori/package.json') as { version: string }).version,
    satori: require.resolve('satori'),
    sharp: require.resolve('sharp'),
    fonts: ([400, 700] as const).map((weight) => ({
      weight,
      path: require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`),
    })),
  };
  return holder[sharedKey];
}
try {
  shared();
} catch {
  // The bundled copy, when the integration's did not run (a test of the routes alone): found on first use, or a clear error then.
}

type Libraries = { satori: typeof satoriFunction; sharp: typeof sharpFunction };
let libraries: Libraries | undefined;

/** satori and sharp, loaded on first use: a build without social images never loads them (a quarter of a second). */
function renderer(): Libraries {
  if (!libraries) {
    const found = shared();
    libraries = {
      satori: (require(found.satori) as { default: typeof satoriFunction }).default,
      sharp: require(found.sharp) as typeof sharpFunction,
    };
  }
  return libraries;
}

let versions: string | undefined;
/** The renderer's versions and the font's bytes, read once. */
function rendererDigest(): string {
  const { satoriVersion, fonts } = shared();
  versions ??= createHash('sha256')
    .update(JSON.stringify([satoriVersion, renderer().sharp.versions]))
    .update(Buffer.concat(fonts.map((font) => readFileSync(font.path))))
    .digest('base64url');
  return versions;
}

/** The image of a card: its file name is the hash of its words, the layout and the libraries' versions. */
export function socialImageOf(card: SocialCard): SocialImage {
  const hash = createHash('sha256')
    .update(JSON.stringify([layoutVersion, rendererDigest(), card.title, card.date, card.siteName]))
    .digest('base64url')
    .slice(0, 16);
  return { file: `social/${hash}.png`, alt: `${card.title}, ${card.date}, ${card.siteName}`, card };
}

/**
 * The generated image of a post, or `undefined` when it has its own `image` in front matter (or redirects).
 */
export function postSocialImage(post: Post, site: Blog['site'], locale?: string): SocialImage | undefined {
  if (post.data.image !== undefined || post.redirectTo) return undefined;
  return socialImageOf({ title: post.title, date: formatDate(post.date, site, locale), siteName: site.title });
}

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;

function loadFonts() {
  fonts ??= Promise.resolve(
    shared().fonts.map((font) => ({
      name: 'Inter',
      data: readFileSync(font.path),
      weight: font.weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

/** Renders a card to PNG bytes (the same bytes for the same card). */
export async function renderSocialImage(card: SocialCard): Promise<Buffer> {
  const text = (content: string, style: Record<string, string | number>) => ({
    type: 'div',
    props: { style: { display: 'flex', ...style }, children: content },
  });
  const { satori, sharp } = renderer();
  const svg = await satori(
    {
      type: 'div',
      props: {
        style: {
          width: socialImageWidth,
          height: socialImageHeight,
          display: 'flex',
          flexDirection: 'column',
          background: '#fdfdfd',
          fontFamily: 'Inter',
          color: '#111111',
        },
        children: [
          { type: 'div', props: { style: { display: 'flex', height: 16, background: '#2a7ae2' } } },
          {
            type: 'div',
            props: {
              style: {
                display: 'flex',
                flexGrow: 1,
                flexDirection: 'column',
                justifyContent: 'space-between',
                padding: '56px 80px 64px',
              },
              children: [
                text(card.siteName, { fontSize: 36, fontWeight: 700, color: '#2a7ae2' }),
                text(card.title, { fontSize: card.title.length > 60 ? 56 : 72, fontWeight: 700, lineHeight: 1.15 }),
                text(card.date, { fontSize: 32, fontWeight: 400, color: '#555555' }),
              ],
            },
          },
        ],
      },
    },
    { width: socialImageWidth, height: socialImageHeight, fonts: await loadFonts() },
  );
  // A palette of 256 colours is plenty for a card of four colours and their anti-aliasing: half the bytes
  // of a full-colour PNG, in less time (effort 1: the fastest quantization).
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6, palette: true, effort: 1 }).toBuffer();
}

/**
 * Writes the images into the output folder `out`, rendering only those not yet in `cacheDir/social/`.
 *
 * @returns the files written (relative to `out`) and how many were rendered
 */
export async function writeSocialImages(
  out: string,
  cacheDir: string,
  images: readonly SocialImage[],
): Promise<{ files: string[]; rendered: number }> {
  let rendered = 0;
  const write = async (image: SocialImage): Promise<void> => {
    const cached = join(cacheDir, image.file);
    if (!existsSync(cached)) {
      mkdirSync(dirname(cached), { recursive: true });
      const png = await renderSocialImage(image.card);
      // Written under another name first, so an interrupted build never leaves half an image in the cache.
      writeFileSync(`${cached}.tmp`, png);
      renameSync(`${cached}.tmp`, cached);
      rendered++;
    }
    const target = join(out, image.file);
    if (!existsSync(target)) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(cached, target);
    }
  };
  // A few cards at a time: satori lays one out on this thread while sharp turns others into PNG on
  // libuv's threads, so both cores work. Each image's bytes depend on its card alone.
  // Posts with the same card (same title, date and site) share one image: each file is written once.
  const queue = [...new Map(images.map((image) => [image.file, image])).values()];
  const lane = async (): Promise<void> => {
    for (let image = queue.shift(); image; image = queue.shift()) await write(image);
  };
  await Promise.all(Array.from({ length: 4 }, lane));
  return { files: images.map((image) => image.file), rendered };
}
