import type { APIRoute } from 'astro';
import { getSiteData } from '../data.js';

/** `/favicon.svg`: the first letter of the site title, in the accent colour (a site's own favicon wins). */
export const GET: APIRoute = async () => {
  const data = await getSiteData();
  const letter = (data.blog.site.title.trim()[0] ?? 'B').toUpperCase().replace(/[<>&"']/g, '');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#b36b00"/><text x="16" y="23" font-family="sans-serif" font-size="20" text-anchor="middle" fill="#fff">${letter}</text></svg>\n`;
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
