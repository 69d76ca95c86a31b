import type { APIRoute } from 'astro';
import { feedStylesheet } from '@blog/feed';

/** `/feed.xsl`: shows the feeds opened in a browser as a page. */
export const GET: APIRoute = () =>
  new Response(feedStylesheet(), { headers: { 'Content-Type': 'text/xsl; charset=utf-8' } });
