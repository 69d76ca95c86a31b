import { readFileSync } from 'node:fs';

/**
 * The XSL stylesheet that shows a feed opened in a browser as a page
 * (`@blog/feed/feed.xsl`), as a string, for sites that serve it themselves.
 */
export function feedStylesheet(): string {
  return readFileSync(new URL('../xsl/feed.xsl', import.meta.url), 'utf8');
}
