/**
 * An Astro Content Layer loader over a Jekyll folder, so an Astro site can
 * use one as its collections. Typed structurally: this package does not
 * depend on Astro.
 */
import { relative, resolve } from 'node:path';
import type { z } from 'zod';
import { loadBlog, type LoadOptions } from './load/index.js';
import { formatProblem } from './problems.js';
import { documentSchema, pageSchema, postSchema } from './schema.js';
import type { Blog, Document } from './types.js';

/** The parts of Astro's `LoaderContext` this loader uses. */
export interface JekyllLoaderContext {
  collection: string;
  store: {
    clear(): void;
    set(entry: {
      id: string;
      data: Record<string, unknown>;
      body?: string;
      filePath?: string;
      digest?: string;
    }): boolean;
  };
  parseData<T extends Record<string, unknown>>(props: { id: string; data: T; filePath?: string }): Promise<T>;
  generateDigest(data: Record<string, unknown> | string): string;
  logger: { warn(message: string): void; info(message: string): void };
  watcher?:
    | { add(paths: string | readonly string[]): void; on(event: string, listener: (path: string) => void): unknown }
    | undefined;
}

/** Options of {@link jekyllLoader}. */
export interface JekyllLoaderOptions extends LoadOptions {
  /** The Jekyll site folder, absolute or relative to the working directory. */
  root: string;
  /**
   * Which documents the collection holds: `posts` (default), `pages`, or the
   * name of an output collection from `_config.yml`.
   */
  documents?: string | undefined;
}

const loads = new Map<string, Promise<Blog>>();

/** Loads a blog once per folder and options, however many collections read it. */
function sharedLoad(root: string, options: LoadOptions): Promise<Blog> {
  const key = JSON.stringify([root, options.drafts, options.future, options.now, options.replacedFiles]);
  let blog = loads.get(key);
  if (!blog) {
    blog = loadBlog(root, options);
    loads.set(key, blog);
    // A failed load must be retried on the next sync, not served from the cache.
    blog.catch(() => loads.delete(key));
  }
  return blog;
}

/**
 * Creates a Content Layer loader that reads a Jekyll folder.
 *
 * ```ts
 * // src/content.config.ts
 * import { defineCollection } from 'astro:content';
 * import { jekyllLoader } from '@blog/model';
 * export const collections = {
 *   posts: defineCollection({ loader: jekyllLoader({ root: './blog' }) }),
 *   pages: defineCollection({ loader: jekyllLoader({ root: './blog', documents: 'pages' }) }),
 * };
 * ```
 *
 * Entries are keyed by source path; their data is the loaded {@link Post},
 * {@link Page} or {@link Document}. In dev, editing any file of the folder
 * reloads it.
 *
 * @throws {BlogSourceError} from `load()`, listing every problem in the sources.
 */
export function jekyllLoader(options: JekyllLoaderOptions): {
  name: string;
  schema: z.ZodType;
  load(context: JekyllLoaderContext): Promise<void>;
} {
  const root = resolve(options.root);
  const documents = options.documents ?? 'posts';
  const schema = documents === 'posts' ? postSchema : documents === 'pages' ? pageSchema : documentSchema;
  return {
    name: '@blog/model/jekyll',
    schema,
    async load(context) {
      const populate = async (): Promise<void> => {
        const blog = await sharedLoad(root, options);
        if (documents === 'posts') {
          for (const warning of blog.warnings) context.logger.warn(formatProblem(warning));
          for (const entry of blog.skipped) context.logger.info(`${entry.file}: not published: ${entry.reason}`);
        }
        const entries: Document[] =
          documents === 'posts' ? blog.posts : documents === 'pages' ? blog.pages : (blog.collections[documents] ?? []);
        context.store.clear();
        for (const entry of entries) {
          const data = await context.parseData({ id: entry.sourcePath, data: { ...entry } as Record<string, unknown> });
          context.store.set({
            id: entry.sourcePath,
            data,
            body: entry.body,
            filePath: relative(process.cwd(), resolve(root, entry.sourcePath)),
            digest: context.generateDigest(entry as unknown as Record<string, unknown>),
          });
        }
      };
      await populate();
      const watcher = context.watcher;
      if (watcher) {
        watcher.add(root);
        const reload = (path: string): void => {
          if (!resolve(path).startsWith(root)) return;
          loads.clear();
          populate().catch((error: Error) => context.logger.warn(error.message));
        };
        for (const event of ['add', 'change', 'unlink']) watcher.on(event, reload);
      }
    },
  };
}
