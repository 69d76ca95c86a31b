/**
 * Helpers over the built demo site (`apps/site/dist`): its files, and a small
 * static server for the browser tests, serving the folder as a static host
 * would (`/about/` → `about/index.html`, `/x.html` → `x.html`).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const dist = fileURLToPath(new URL('../dist/', import.meta.url));
export const content = fileURLToPath(new URL('../content/', import.meta.url));

/** Every file below a folder, as paths relative to it. */
export function filesBelow(folder: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else out.push(relative(folder, path));
    }
  };
  visit(folder);
  return out.sort();
}

export const htmlFiles = (folder = dist) =>
  filesBelow(folder).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));

export const read = (file: string, folder = dist) => readFileSync(join(folder, file), 'utf8');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsl': 'text/xsl',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
};

/** Resolves a URL path to a file of the folder, as a static host does, or `undefined`. */
export function fileFor(pathname: string, folder = dist): string | undefined {
  let path = join(folder, decodeURIComponent(pathname));
  if (!path.startsWith(folder.replace(/\/$/, ''))) return undefined;
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  return existsSync(path) ? path : undefined;
}

/** Serves the folder on 127.0.0.1 at a free port. */
export async function serve(folder = dist): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = fileFor(pathname, folder);
    if (!file) {
      response.writeHead(404, { 'Content-Type': types['.html']! });
      const notFound = join(folder, '404.html');
      response.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

/**
 * Playwright's time limit for an action or a page load. A busy machine can take many times the
 * usual time: the limit only stops a page that hangs, so no test passes or fails by time.
 */
export const browserTimeout = 300_000;

/** Debian's Chromium, and the flags it needs here: no sandbox as root, no network besides localhost. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The W3C Feed Validator, run offline: `FEEDVALIDATE`, or the workplace's copy in `shared/tools/`
 * beside the repository (it needs Debian's python3-html5lib, python3-libxml2 and python3-rdflib,
 * which `pnpm test` installs when missing).
 */
export const feedValidator =
  process.env.FEEDVALIDATE ?? fileURLToPath(new URL('../../../../shared/tools/feedvalidate', import.meta.url));

/** What the validator finds in a feed file, at its strictest: every error and warning, each occurrence. */
export function validateFeed(file: string): string[] {
  if (!existsSync(feedValidator)) {
    throw new Error(`The W3C Feed Validator is not at ${feedValidator}: set FEEDVALIDATE to its feedvalidate script.`);
  }
  let output: string;
  try {
    output = execFileSync(feedValidator, ['--json', '--all', file], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    // Exit 1 means findings, reported in the JSON on stdout; anything else is a setup problem.
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    if (failed.status !== 1 || !failed.stdout) {
      throw new Error(`feedvalidate failed on ${file}: ${failed.stderr}`, { cause: error });
    }
    output = failed.stdout;
  }
  const report = JSON.parse(output) as { events: { severity: string; type: string; message: string }[] };
  return report.events
    .filter((event) => event.severity === 'ERROR' || event.severity === 'WARNING')
    .map((event) => `${event.severity} ${event.type}: ${event.message}`);
}

const vnu = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '../build/dist/vnu.jar');

/** The Nu HTML Checker's errors for these files, as `file:line: message` with the file relative to `folder`. */
export function htmlErrors(files: string[], folder = dist): string[] {
  let output = '';
  try {
    execFileSync(
      'java',
      ['-jar', vnu, '--errors-only', '--format', 'json', ...files.map((file) => join(folder, file))],
      {
        encoding: 'utf8',
        stdio: 'pipe',
      },
    );
  } catch (error) {
    output = (error as { stderr?: string }).stderr ?? String(error);
  }
  const messages = output
    ? (JSON.parse(output) as { messages: { url: string; lastLine?: number; message: string }[] }).messages
    : [];
  const file = (url: string) => relative(folder, url.startsWith('file:') ? fileURLToPath(url) : url);
  return messages.map((message) => `${file(message.url)}:${message.lastLine}: ${message.message}`);
}
