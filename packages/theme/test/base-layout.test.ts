import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { expect, test } from 'vitest';
import { parseSiteConfig } from '@blog/model';
import BaseLayout from '@blog/theme/layouts/BaseLayout.astro';

test('BaseLayout renders the head and the site title around its slot', async () => {
  const container = await AstroContainer.create();
  const site = parseSiteConfig('title: Packet path\ndescription: Notes & logs\nlang: es\n');
  const html = await container.renderToString(BaseLayout, {
    props: { site, title: 'About' },
    slots: { default: '<p>Hello</p>' },
  });
  expect(html).toContain('<html lang="es"');
  expect(html).toContain('<title>About | Packet path</title>');
  expect(html).toContain('<meta name="description" content="Notes &amp; logs"');
  expect(html).toMatch(/<main class="page-content"[^>]*><p>Hello<\/p><\/main>/);
});
