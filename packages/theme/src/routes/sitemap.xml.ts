import type { APIRoute } from 'astro';
import { element, xmlDocument } from '@blog/feed';
import { isHtmlDocument, toXmlSchema } from '@blog/model';
import { getSiteData } from '../data.js';

/** `/sitemap.xml`: every HTML page, posts with their last change. */
export const GET: APIRoute = async () => {
  const data = await getSiteData();
  const { blog } = data;
  const url = (path: string, modified?: Date) =>
    element(
      'url',
      {},
      element('loc', {}, data.absolute(path)),
      modified && element('lastmod', {}, toXmlSchema(modified)),
    );
  const urls = [
    ...data.home.map((page) => url(page.path, page.page === 1 ? blog.posts[0]?.date : undefined)),
    ...blog.posts.filter(isHtmlDocument).map((post) => url(post.permalink, post.updated ?? post.date)),
    ...blog.pages.filter((page) => isHtmlDocument(page) && !page.redirectTo).map((page) => url(page.permalink)),
    ...Object.values(blog.collections)
      .flat()
      .filter(isHtmlDocument)
      .map((document) => url(document.permalink)),
    ...(data.themeArchive ? [url('/archive/')] : []),
    ...(data.config.tagPages ? [url('/tags/'), ...data.tags.map((tag) => url(`/tags/${tag.slug}/`))] : []),
  ];
  const xml = xmlDocument(element('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, ...urls));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
