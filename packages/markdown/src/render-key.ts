/**
 * What a rendering is made from, as one hash: the source, the excerpt, the
 * file name and line, every option, the versions of this package and of both
 * highlighters (Shiki, refractor for Prism), and a digest of this package's
 * own code. Rendering depends on nothing else but the local files it reads
 * (images, for their size), so equal keys give equal results: the cache
 * (`cache.ts`) stores results under it, and a result's `digest` is made from
 * it and the state of those files, not from the HTML. Hashing the HTML took
 * a twentieth of a post's rendering; the source is a third of its size.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveOptions } from './options.js';
import type { RenderOptions } from './render.js';

let versions: string | undefined;

/**
 * This package's version and code as run (every module beside this one) and the highlighters' versions:
 * read once per thread, when first needed.
 */
export function codeVersions(): string {
  if (versions === undefined) {
    const require = createRequire(import.meta.url);
    const here = fileURLToPath(new URL('.', import.meta.url));
    const code = createHash('sha256');
    for (const name of readdirSync(here, { recursive: true, encoding: 'utf8' }).sort()) {
      if (name.endsWith('.js')) code.update(name).update(readFileSync(join(here, name)));
    }
    // refractor's `package.json` beside its entry point (its exports do not list the file).
    const refractorPackage = fileURLToPath(new URL('../package.json', import.meta.resolve('refractor')));
    versions = [
      (require('../package.json') as { version: string }).version,
      (require('shiki/package.json') as { version: string }).version,
      (JSON.parse(readFileSync(refractorPackage, 'utf8')) as { version: string }).version,
      code.digest('hex'),
    ].join('+');
  }
  return versions;
}

/** The key of a rendering: a hash of everything it is made from but the files it reads. */
export function renderKey(source: string, options: RenderOptions): string {
  const { file, line, excerpt, ...rest } = options;
  // The source is hashed as it is, after the rest: through JSON.stringify it would cost more than the
  // hashing. JSON has no raw NUL, so the first one ends the rest.
  return createHash('sha256')
    .update(JSON.stringify([codeVersions(), resolveOptions(rest), file, line, excerpt]))
    .update('\0')
    .update(source)
    .digest('hex');
}

/**
 * A result's `digest`: its key, and each file the rendering read with the state it read it in (equal
 * states, equal files).
 */
export function resultDigest(key: string, files: readonly string[], stamps: readonly string[]): string {
  const hash = createHash('sha256').update(key);
  for (const [index, file] of files.entries()) hash.update('\0').update(file).update('\0').update(stamps[index]!);
  return hash.digest('base64url');
}
