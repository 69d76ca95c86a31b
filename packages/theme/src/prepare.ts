/**
 * The blog loaded and rendered: the one step of a build that does not need
 * Astro. A build starts it when Astro starts (`astro:build:start`), so the
 * posts are rendered on the worker threads while Astro bundles the site on
 * this one; the routes take the result (see data.ts). The dev server starts
 * it on first use.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { RenderCache, documentRenderItem, renderAll, type RenderResult } from '@blog/markdown';
import { htmlDocuments, loadBlog, type Blog, type Document } from '@blog/model';
import { searchParts } from './search.js';
import { currentBuild, phase } from './shared.js';
import { hrefOf } from './site-url.js';
import type { RouteConfig } from './user-config.js';

/** What {@link prepareBlog} gives. */
export interface Prepared {
  /** The blog as loaded (the routes set its URL, see site-url.ts). */
  blog: Blog;
  /** Every post, page and collection document rendered, by source path. */
  rendered: Map<string, RenderResult>;
  cache: RenderCache;
  /** The Markdown options the documents were rendered with (feeds render with them too). */
  markdown: RouteConfig['markdown'] & { imageRoot: string };
  /** The documents of each part of the search index (none when search is off): see search.ts. */
  searchParts: Document[][];
}

/** Renderings of fewer documents than this take a few seconds at most: they show no progress. */
const progressMinimum = 500;

/** Loads the blog (printing what Jekyll would warn about) and renders every document. */
export async function prepareBlog(config: RouteConfig): Promise<Prepared> {
  const blog = await phase('load', () =>
    loadBlog(config.source, { drafts: config.drafts, future: config.future, gitDates: config.gitDates }),
  );
  // What Jekyll warns about and builds anyway (two files on one address, a file not in the site's
  // encoding…): said once per build, with the file and line, and the build goes on as Jekyll's does.
  for (const warning of blog.warnings) {
    const place = warning.file ? `${warning.file}${warning.line ? `:${warning.line}` : ''}: ` : '';
    console.warn(`[@blog/model] ${place}${warning.message}`);
  }
  const cache = new RenderCache(config.cacheDir);
  const markdown = { imageRoot: config.source, ...config.markdown };
  const rendered = await phase('render', () => renderDocuments(blog, cache, markdown));
  const parts = config.search ? searchParts(blog, config.searchPartSize) : [];
  startSearchIndex(blog, rendered, parts);
  return { blog, rendered, cache, markdown, searchParts: parts };
}

/**
 * In a build, starts the search index as soon as the posts are rendered: Pagefind indexes while Astro
 * bundles the site and writes the pages, and the build's last step writes what is left (see shared.ts).
 */
function startSearchIndex(blog: Blog, rendered: Map<string, RenderResult>, parts: Document[][]): void {
  const build = currentBuild();
  if (!build || parts.length === 0) return;
  const href = hrefOf(blog.site);
  build.indexSearch(
    blog.site.language,
    parts.map((part) =>
      part.map((document) => {
        const url = href(document.permalink);
        const result = rendered.get(document.sourcePath);
        return {
          url,
          title: document.title,
          // Decoded when Pagefind takes the document, not all at once (see renderAll's `compact`).
          get html() {
            return result?.html ?? '';
          },
          // What the document's entry in the index is made of (the rendering's digest standing for its
          // HTML): when unchanged, so is the entry.
          digest: createHash('sha256')
            .update(JSON.stringify([url, document.title, blog.site.language]))
            .update(result?.digest ?? '')
            .digest('base64url'),
        };
      }),
    ),
  );
}

/** Every post, page and collection document rendered (unchanged ones from the cache), by source path. */
async function renderDocuments(
  blog: Blog,
  cache: RenderCache,
  markdown: Prepared['markdown'],
): Promise<Map<string, RenderResult>> {
  const documents: Document[] = htmlDocuments(blog);
  const started = performance.now();
  // A long rendering shows its progress, every tenth of the way (by count, so the lines are the same each build).
  let shown = 0;
  const onProgress = (done: number, total: number): void => {
    const step = Math.floor((done * 10) / total);
    if (total < progressMinimum || step === shown || done === total) return;
    shown = step;
    console.info(`[@blog/theme] rendering: ${done} of ${total} documents`);
  };
  const results = await renderAll(
    documents.map((document) => documentRenderItem(document, blog.site, markdown)),
    {
      cache,
      onProgress,
      // Held as UTF-8 in a file (see renderAll's `spill`): 10,000 posts' HTML is half a gigabyte as bytes,
      // a gigabyte as strings, and the build reads each document's a few times only.
      compact: true,
      spill: join(cache.dir, 'spill'),
      // Astro's thread keeps its heap for the pages: the workers render, each in a heap of its own that is
      // given back when they are done. At 10,000 posts this keeps the build's peak some 400 MB lower. A few
      // posts (a rebuild after an edit) are rendered here: sooner than a worker starts, and the search index,
      // which waits for them, starts sooner too.
      mainThread: 'few',
      workerHeapLimit: 320,
      // At 10,000 posts, Astro's process (the workers included) peaked at 1.09 GB instead of 1.32 GB with
      // V8's own choice, in about the same time.
      workerYoungLimit: 16,
      // V8's pretenuring takes a post's trees for long-lived: off, the rendering of 1,000 posts took about
      // 20% less time, the pages as long as before (see renderAll's `pretenuring`).
      pretenuring: false,
    },
  );
  console.info(
    `[@blog/theme] ${documents.length} documents: ${cache.misses} rendered, ${documents.length - cache.misses} from the cache, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const message of results.flatMap((result) => result.messages)) {
    console.warn(`[@blog/markdown] ${message.file ?? ''}${message.line ? `:${message.line}` : ''}: ${message.message}`);
  }
  return new Map(documents.map((document, index) => [document.sourcePath, results[index]!]));
}
