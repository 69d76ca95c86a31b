/**
 * The checks of the Jekyll differential tests: what Jekyll 4.3 made of each
 * fixture (`test/fixtures/jekyll/<site>/expected.json`, recorded by
 * `scripts/jekyll-oracle.rb`) against what `loadBlog` makes of it, and the
 * ratchet of known differences (`test/fixtures/jekyll/known-differences.json`).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { loadBlog, paginate, type Blog, type Document, type Post } from '@blog/model';

export const jekyllFolder = fileURLToPath(new URL('fixtures/jekyll/', import.meta.url));
const knownFile = `${jekyllFolder}known-differences.json`;

export interface RecordedDocument {
  path: string;
  /** Not a file of the site folder: a theme's or a plugin's. */
  generated?: boolean;
  kind: 'post' | 'page' | 'document';
  collection?: string;
  url: string;
  output?: string;
  written?: boolean;
  date?: string;
  title?: string;
  slug?: string;
  categories: string[];
  tags: string[];
  layout?: string;
  author?: unknown;
  excerpt?: string;
  body?: string;
}

export interface JekyllRecord {
  time: string;
  options: { drafts?: boolean };
  outputs: string[];
  documents: RecordedDocument[];
  static_files: string[];
  not_published: string[];
  paginator: { page: number; url: string; posts: string[]; previous: string | null; next: string | null }[];
  feed?: { id: string; link: string; title: string; published: string; categories: string[] }[];
  redirects: { from: string; output: string; to: string; claimed_by?: number }[];
  data: Record<string, unknown>;
  warnings: string[];
}

/** One comparison: `id` names the fixture, the file and the field. */
export interface Check {
  id: string;
  expected: unknown;
  actual: unknown;
}

export const fixtures = (): string[] =>
  readdirSync(jekyllFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${jekyllFolder}${entry.name}/expected.json`))
    .map((entry) => entry.name)
    .sort();

export const readRecord = (fixture: string): JekyllRecord =>
  JSON.parse(readFileSync(`${jekyllFolder}${fixture}/expected.json`, 'utf8')) as JekyllRecord;

/** Files a theme makes itself (Jekyll's come from minima, jekyll-feed, jekyll-paginate, jekyll-redirect-from). */
export const isThemeOutput = (path: string, record: JekyllRecord): boolean =>
  path === 'feed.xml' ||
  path === 'redirects.json' ||
  path.startsWith('assets/main.css') ||
  path === 'assets/minima-social-icons.svg' ||
  record.paginator.some((page) => outputOfUrl(page.url) === path);

const outputOfUrl = (url: string): string => (url.endsWith('/') ? `${url}index.html` : url).replace(/^\//, '');

/** Whitespace does not matter in a body after Liquid: Markdown and HTML read it the same. */
const squash = (text: string | undefined): string | undefined => text?.replace(/\s+/g, ' ').trim();

/** Parses Jekyll's warnings into the files each names (conflicts, unreadable files, Liquid warnings). */
export function recordedWarnings(lines: string[]): { what: string; files: string[] }[] {
  const found: { what: string; files: string[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('Conflict:')) {
      const files: string[] = [];
      let j = i + 3;
      while (lines[j]?.startsWith('- ')) files.push(lines[j++]!.slice(2));
      found.push({ what: `conflict on ${lines[i + 2]}`, files });
      i = j - 1;
      continue;
    }
    const unreadable = /^Error: could not read file ([^:]+):/.exec(line);
    if (unreadable) found.push({ what: 'unreadable file', files: [unreadable[1]!] });
    // Jekyll renders a post's excerpt apart and warns again, naming `<post>/#excerpt`: the same tag, in the
    // same file, which we warn about once.
    const liquid = /^Liquid Warning: .* in (\S+?)(?:\/#excerpt)?$/.exec(line);
    if (liquid) found.push({ what: 'Liquid warning', files: [liquid[1]!] });
  }
  return found;
}

/** Every check of one fixture: Jekyll's record against `loadBlog`. */
export async function modelChecks(fixture: string): Promise<Check[]> {
  const record = readRecord(fixture);
  const checks: Check[] = [];
  const check = (id: string, expected: unknown, actual: unknown) =>
    checks.push({ id: `${fixture}: ${id}`, expected, actual });
  let blog: Blog;
  try {
    blog = await loadBlog(`${jekyllFolder}${fixture}/site`, {
      now: new Date(record.time),
      drafts: record.options.drafts ?? false,
    });
    check('loads', 'loaded', 'loaded');
  } catch (error) {
    // Every check below then fails, so the count says how much a failed load loses.
    check('loads', 'loaded', String((error as Error).message));
    blog = {
      site: { paginate: undefined, paginatePath: '/page:num/' } as unknown as Blog['site'],
      posts: [],
      pages: [],
      collections: {},
      redirects: [],
      staticFiles: [],
      data: {},
      skipped: [],
      warnings: [],
    };
  }

  const documents = new Map<string, Document & Partial<Post>>();
  for (const post of blog.posts) documents.set(post.sourcePath, post);
  for (const page of blog.pages) documents.set(page.sourcePath, page);
  for (const list of Object.values(blog.collections)) for (const doc of list) documents.set(doc.sourcePath, doc);
  const skipped = new Set(blog.skipped.map((entry) => entry.file));

  for (const expected of record.documents) {
    const at = expected.path;
    if (expected.output && isThemeOutput(expected.output, record)) continue;
    if (expected.generated) continue;
    const ours = documents.get(at);
    if (expected.output === undefined) {
      // Read but not written (a collection with `output: false`): never published.
      check(`${at} not written`, false, ours !== undefined);
      continue;
    }
    if (expected.output === 'index.html' && skipped.has(at)) continue;
    if (expected.written === false) {
      // Another file took its destination (Jekyll warns): the winner's is the only page written.
      check(`${at} overwritten`, 'not published', ours ? 'published' : 'not published');
      continue;
    }
    if (!ours) {
      check(`${at} is published`, true, false);
      continue;
    }
    check(`${at} url`, expected.url, ours.permalink);
    check(`${at} output`, expected.output, ours.outputPath);
    if (expected.kind !== 'page') {
      check(`${at} collection`, expected.collection, ours.collection === 'drafts' ? 'posts' : ours.collection);
      check(`${at} date`, expected.date ? Date.parse(expected.date) : undefined, ours.date?.getTime());
      check(`${at} title`, expected.title, ours.title);
      check(`${at} slug`, expected.slug, ours.slug);
    } else if (expected.title !== undefined) {
      check(`${at} title`, expected.title, ours.title);
    }
    if (expected.kind === 'post') {
      check(`${at} categories`, expected.categories, ours.categories);
      check(`${at} tags`, expected.tags, ours.tags);
      if (expected.excerpt !== undefined) check(`${at} excerpt`, squash(expected.excerpt), squash(ours.excerpt));
    }
    if (expected.layout !== undefined) check(`${at} layout`, expected.layout, ours.data.layout);
    if (expected.author !== undefined) check(`${at} author`, expected.author, ours.data.author);
    if (expected.body !== undefined) check(`${at} body after Liquid`, squash(expected.body), squash(ours.body));
  }

  // Read and deliberately not published: never written, and never silently.
  const warned = new Set(blog.warnings.map((warning) => warning.file));
  for (const path of record.not_published) {
    check(
      `${path} not published`,
      'skipped with a reason',
      skipped.has(path) || warned.has(path)
        ? 'skipped with a reason'
        : documents.has(path)
          ? 'published'
          : 'silently dropped',
    );
  }

  // Every file Jekyll writes (but those the theme makes), and nothing more.
  const ours = new Set<string>([
    ...[...documents.values()].map((doc) => doc.outputPath),
    ...blog.staticFiles.map((file) => file.path),
    ...blog.redirects.map((redirect) => redirect.outputPath),
  ]);
  const jekyllOutputs = record.outputs.filter((path) => !isThemeOutput(path, record));
  const themePages = record.documents.filter((doc) => doc.output && skipped.has(doc.path)).map((doc) => doc.output);
  for (const path of jekyllOutputs) {
    if (themePages.includes(path)) continue;
    check(`output ${path}`, 'written', ours.has(path) ? 'written' : 'missing');
  }
  for (const path of ours) {
    if (!record.outputs.includes(path)) check(`output ${path}`, 'not written', 'written');
  }

  // Redirects: the target Jekyll's written page sends readers to.
  for (const redirect of record.redirects) {
    const doc = record.documents.find((entry) => entry.output === redirect.output);
    if (doc) {
      check(`redirect_to in ${doc.path}`, redirect.to, documents.get(doc.path)?.redirectTo);
      continue;
    }
    const winners = blog.redirects.filter((entry) => entry.outputPath === redirect.output);
    check(`redirect ${redirect.from}`, redirect.to, winners.at(-1)?.to);
  }

  // Pagination, as jekyll-paginate makes it.
  if (record.paginator.length > 0) {
    const pages = paginate(blog.posts, blog.site.paginate ?? 0, blog.site.paginatePath);
    for (const expected of record.paginator) {
      const page = pages[expected.page - 1];
      check(`paginator page ${expected.page} path`, expected.url, page?.path);
      check(
        `paginator page ${expected.page} posts`,
        expected.posts,
        page?.items.map((post) => post.permalink),
      );
    }
    check('paginator pages', record.paginator.length, pages.length);
  }

  // site.data, per file.
  const dataKeys = new Set([...Object.keys(record.data), ...Object.keys(blog.data)]);
  for (const key of dataKeys) check(`_data ${key}`, record.data[key], blog.data[key]);

  // Jekyll's warnings that name files: ours name the same files.
  for (const warning of recordedWarnings(record.warnings)) {
    const [first, ...rest] = warning.files;
    const match = blog.warnings.some(
      (ours) =>
        (ours.file === first || ours.message.includes(first!)) &&
        rest.every((file) => ours.file === file || ours.message.includes(file)),
    );
    check(`warns: ${warning.what} (${warning.files.join(', ')})`, true, match);
  }
  // Jekyll's warning for `{% highlight %}` on a `pygments` site names no file: as many as Jekyll's.
  const pygments = 'Highlight Tag no longer supports rendering with Pygments.';
  const jekyllPygments = record.warnings.filter((line) => line === `Warning: ${pygments}`).length;
  const ourPygments = blog.warnings.filter((warning) => warning.message.includes(pygments)).length;
  if (jekyllPygments + ourPygments > 0) check('warns: pygments highlight tags', jekyllPygments, ourPygments);
  return checks;
}

export const passes = (check: Check): boolean => isDeepStrictEqual(check.expected, check.actual);

/** The ratchet: differences known and listed, each with why. */
export const readKnown = (): Record<string, string> =>
  existsSync(knownFile) ? (JSON.parse(readFileSync(knownFile, 'utf8')) as Record<string, string>) : {};

/** Rewrites the list with the checks failing now (keeping the reasons already written). */
export function writeKnown(failing: string[], old: Record<string, string>): void {
  const next: Record<string, string> = {};
  for (const id of [...failing].sort()) next[id] = old[id] ?? 'not fixed yet';
  writeFileSync(knownFile, `${JSON.stringify(next, null, 2)}\n`);
}
