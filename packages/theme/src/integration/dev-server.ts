/**
 * What `astro dev` adds for the blog: edits to its sources reload the data
 * and the page, and its static files (images, downloads) are served from
 * its folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { startsWithFrontMatter } from '@blog/model';
import { themeSource } from './vite-plugin.js';

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

/** Watches `source` and serves its static files on `server`. */
export function serveBlog(server: DevServer, source: string): void {
  server.watcher.add(source);
  const reload = (path: string) => {
    if (!resolve(path).startsWith(source)) return;
    const module = server.moduleGraph.getModulesByFile(join(themeSource, 'data.ts'));
    for (const entry of module ?? []) server.moduleGraph.invalidateModule(entry);
    server.ws.send({ type: 'full-reload' });
  };
  for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, reload);
  server.middlewares.use((request, response, next) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return next();
    }
    const file = join(source, path);
    if (!file.startsWith(source) || /\/[_.]/.test(path) || path.endsWith('/') || !existsSync(file)) return next();
    const content = readFileSync(file);
    // A file with front matter is a page or a post, which the routes render.
    if (startsWithFrontMatter(content)) return next();
    response.end(content);
  });
}
