/**
 * Phase: reads the collections declared in `_config.yml` (`_<name>/`, below
 * `collections_dir` when set), as Jekyll reads them. A document's date and
 * slug come from a `YYYY-MM-DD-title` file name, its date also from the
 * front matter, its title from the slug when it gives none. Documents of
 * collections with `output: true` become pages; the others are kept as data
 * for Liquid's `site.<name>`. Files without front matter are copied under
 * the collection's permalink, as Jekyll copies them.
 *
 * A document with no date at all gets none (Jekyll gives it the build time):
 * a permalink that needs one is a problem naming the file.
 */
import { basename, extname, join } from 'node:path';
import { parseSourceDate } from '../date.js';
import { hasFrontMatter } from '../front-matter.js';
import { fillPermalink, outputPath, permalinkPattern, postPlaceholders } from '../permalink.js';
import type { SiteCollection } from '../site.js';
import { listFolder } from '../walk.js';
import { titleize } from './read-posts.js';
import { documentOf, fieldLine, outputExtOf, readDate, readSource } from './source.js';
import type { Entry, LoadState } from './state.js';

const datedName = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)$/;
const datePlaceholder =
  /:(year|month|i_month|short_month|long_month|day|i_day|short_year|y_day|week|w_year|short_day|long_day|hour|minute|second)\b/;

/** The folder of a collection, below `collections_dir`. */
export function collectionFolder(state: LoadState, name: string): string {
  return state.collectionsDir ? `${state.collectionsDir}/_${name}` : `_${name}`;
}

/** Jekyll's `Document#<=>`: by date (undated documents share one), then by path; or by `sort_by`, those without it last. */
function sortDocuments(entries: Entry[], sortBy: string | undefined): Entry[] {
  const byPath = (a: Entry, b: Entry) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0);
  if (sortBy) {
    const has = (entry: Entry) => entry.source.data[sortBy] !== undefined && entry.source.data[sortBy] !== null;
    const compare = (a: unknown, b: unknown): number =>
      typeof a === 'number' && typeof b === 'number'
        ? a - b
        : String(a) < String(b)
          ? -1
          : String(a) > String(b)
            ? 1
            : 0;
    return [
      ...entries.filter(has).sort((a, b) => compare(a.source.data[sortBy], b.source.data[sortBy]) || byPath(a, b)),
      ...entries.filter((entry) => !has(entry)).sort(byPath),
    ];
  }
  return [...entries].sort(
    (a, b) => (a.document.date?.getTime() ?? 0) - (b.document.date?.getTime() ?? 0) || byPath(a, b),
  );
}

/** Reads one document of a collection into `state.entries` (or the collection's data). */
function readDocument(
  state: LoadState,
  name: string,
  collection: SiteCollection,
  folder: string,
  file: string,
  data: Record<string, unknown>[],
): Entry | undefined {
  const source = readSource(state, file, name);
  if (!source) return undefined;
  const fm = source.frontMatter;
  const relative = file.slice(folder.length + 1);
  const withoutExt = relative.slice(0, relative.length - extname(relative).length);
  const fileName = basename(withoutExt);
  const dated = datedName.exec(fileName);
  const fromFrontMatter = readDate(state, source, 'date');
  if (fromFrontMatter === null) return undefined;
  const date = fromFrontMatter?.date ?? (dated ? parseSourceDate(dated[1]!, state.site.timezone)?.date : undefined);
  const slug = fm.slug ?? (dated ? dated[2]! : fileName);
  const outputExt = outputExtOf(file, state.markdownExtensions);
  const pattern = permalinkPattern(fm.permalink ?? collection.permalink ?? '/:collection/:path:output_ext');
  if (!date && datePlaceholder.test(pattern)) {
    state.problems.push({
      file,
      line: fm.permalink ? fieldLine(source, 'permalink') : undefined,
      field: 'date',
      message: `the permalink \`${pattern}\` needs a date: give \`date\` in the front matter or name the file \`YYYY-MM-DD-${fileName}${extname(file)}\` (Jekyll would use the time of the build)`,
    });
    return undefined;
  }
  const permalink = fillPermalink(
    pattern,
    postPlaceholders({
      date: date ?? new Date(0),
      slug,
      categories: [],
      outputExt,
      timeZone: state.site.timezone,
      collection: name,
      path: withoutExt,
      basename: fileName,
    }),
  );
  const title = fm.title ?? titleize(slug);
  if (!collection.output) {
    data.push({ ...source.data, title, slug, ...(date && { date }), url: permalink, path: file, content: source.body });
    return undefined;
  }
  const document = documentOf(state, source, { collection: name, slug, title, permalink, outputExt });
  document.date = date;
  return { source, kind: 'collection', document };
}

export function readCollections(state: LoadState): LoadState {
  for (const [name, collection] of Object.entries(state.site.collections)) {
    if (name === 'posts') continue;
    const folder = collectionFolder(state, name);
    const data: Record<string, unknown>[] = (state.collectionData[name] = []);
    const entries: Entry[] = [];
    for (const file of listFolder(state.root, folder)) {
      const absolutePath = join(state.root, file);
      if (!hasFrontMatter(absolutePath)) {
        if (!collection.output) continue;
        // Jekyll's `StaticFile#url` in a collection: the permalink with the path only, then the extension.
        const relative = file.slice(folder.length + 1);
        const ext = extname(relative);
        const url = fillPermalink(permalinkPattern(collection.permalink ?? '/:collection/:path:output_ext'), {
          collection: name,
          path: relative.slice(0, relative.length - ext.length),
          output_ext: '',
          name: basename(relative, ext),
          title: '',
        }).replace(/\/$/, '');
        state.staticFiles.push({ path: outputPath(`${url}${ext}`, ext), absolutePath });
        continue;
      }
      const entry = readDocument(state, name, collection, folder, file, data);
      if (entry) entries.push(entry);
    }
    state.entries.push(...sortDocuments(entries, collection.sortBy));
  }
  return state;
}
