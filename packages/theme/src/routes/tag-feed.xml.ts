import type { APIRoute, GetStaticPaths } from 'astro';
import { rss } from '@blog/feed';
import { getSiteData } from '../data.js';

/** `/tags/<tag>/feed.xml`: the RSS feed of one tag. */
export const getStaticPaths: GetStaticPaths = async () => {
  const data = await getSiteData();
  if (!data.config.tagPages) return [];
  return data.tags.map((tag) => ({ params: { tag: tag.slug }, props: { name: tag.name } }));
};

export const GET: APIRoute = async ({ params, props }) => {
  const data = await getSiteData();
  const xml = rss(await data.feed(props.name as string), {
    url: data.absolute(`/tags/${params.tag}/feed.xml`),
    stylesheet: data.href('/feed.xsl'),
    limit: data.config.feedLimit,
    timeZone: data.blog.site.timezone,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
