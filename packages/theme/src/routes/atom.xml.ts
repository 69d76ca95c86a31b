import type { APIRoute } from 'astro';
import { atom } from '@blog/feed';
import { getSiteData } from '../data.js';

/** `/atom.xml`: Atom 1.0 of the newest posts. */
export const GET: APIRoute = async () => {
  const data = await getSiteData();
  const xml = atom(await data.feed(), {
    url: data.absolute('/atom.xml'),
    stylesheet: data.href('/feed.xsl'),
    limit: data.config.feedLimit,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
