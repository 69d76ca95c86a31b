import type { APIRoute } from 'astro';
import { rss } from '@blog/feed';
import { getSiteData } from '../data.js';

/** `/feed.xml`: RSS 2.0 of the newest posts, with full HTML, as Jekyll's feed. */
export const GET: APIRoute = async () => {
  const data = await getSiteData();
  const xml = rss(await data.feed(), {
    url: data.absolute('/feed.xml'),
    stylesheet: data.href('/feed.xsl'),
    limit: data.config.feedLimit,
    timeZone: data.blog.site.timezone,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
