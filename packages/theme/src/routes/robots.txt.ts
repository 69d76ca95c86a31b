import type { APIRoute } from 'astro';
import { getSiteData } from '../data.js';

/** `/robots.txt`: everything may be crawled; here is the sitemap. */
export const GET: APIRoute = async () => {
  const data = await getSiteData();
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${data.absolute('/sitemap.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
