import type { APIRoute } from 'astro';
import { jsonFeed } from '@blog/feed';
import { getSiteData } from '../data.js';

/** `/feed.json`: JSON Feed 1.1 of the newest posts. */
export const GET: APIRoute = async () => {
  const data = await getSiteData();
  const json = jsonFeed(await data.feed(), { url: data.absolute('/feed.json'), limit: data.config.feedLimit });
  return new Response(json, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
