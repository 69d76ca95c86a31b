/**
 * Phase: reads the collections declared in `_config.yml` (`_<name>/`).
 * Documents of collections with `output: true` become pages; the others are
 * kept as data for Liquid's `site.<name>`. Files without front matter are
 * not documents.
 */
import { basename, extname, join } from 'node:path';
import { hasFrontMatter } from '../front-matter.js';
import { fillPermalink, permalinkPattern, postPlaceholders } from '../permalink.js';
import { listFolder } from '../walk.js';
import { documentOf, outputExtOf, readSource } from './source.js';
import type { LoadState } from './state.js';

export function readCollections(state: LoadState): LoadState {
  for (const [name, collection] of Object.entries(state.site.collections)) {
    if (name === 'posts') continue;
    const folder = `_${name}`;
    const data: Record<string, unknown>[] = (state.collectionData[name] = []);
    for (const file of listFolder(state.root, folder)) {
      if (!hasFrontMatter(join(state.root, file))) continue;
      const source = readSource(state, file, name);
      if (!source) continue;
      const fm = source.frontMatter;
      const relative = file.slice(folder.length + 1);
      const withoutExt = relative.slice(0, relative.length - extname(relative).length);
      const outputExt = outputExtOf(file);
      const slug = fm.slug ?? basename(withoutExt);
      const pattern = fm.permalink ?? collection.permalink ?? '/:collection/:path:output_ext';
      const permalink = fillPermalink(
        permalinkPattern(pattern),
        postPlaceholders({
          date: state.now,
          slug,
          categories: [],
          outputExt,
          timeZone: state.site.timezone,
          collection: name,
          path: withoutExt,
          basename: basename(withoutExt),
        }),
      );
      if (!collection.output) {
        data.push({ ...fm, title: fm.title ?? '', url: permalink, path: file, content: source.body });
        continue;
      }
      state.entries.push({
        source,
        kind: 'collection',
        document: documentOf(state, source, { collection: name, slug, title: fm.title ?? '', permalink, outputExt }),
      });
    }
  }
  return state;
}
