import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Feed } from '@blog/feed';

/** An independent parser: what a feed reader sees. */
export function parseXml(xml: string): Record<string, any> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    processEntities: true,
    // Numeric character references (`&#13;`) are XML; fast-xml-parser decodes them with its HTML entity table.
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Atom repeats `link` and `author`; RSS has one `link` per element.
    isArray: (name, path) =>
      ['item', 'entry', 'category', 'dc:creator', 'atom:link'].includes(name) ||
      (String(path).startsWith('feed') && ['link', 'author'].includes(name)),
  }).parse(xml);
}

/** Text of an element however the parser shaped it. */
export function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  return String((node as Record<string, unknown>)['#text'] ?? '');
}

const day = 86400000;

/** A feed like the reference blog's, with our own words: eleven posts, tags with spaces, HTML with code. */
export function sampleFeed(): Feed {
  const items = Array.from({ length: 11 }, (_, i) => ({
    url: `https://packets.example.org/2024/0${(i % 9) + 1}/1${i % 10}/post-${i}.html`,
    title: i === 0 ? 'Moving state files: from “Terraform” to OpenTofu & back' : `Post number ${i}`,
    contentHtml:
      i === 0
        ? '<p>Back up <em>first</em> &amp; then migrate.</p>\n<div class="language-hcl highlighter-rouge"><div class="highlight"><pre class="highlight"><code>terraform { backend "s3" {} }\n</code></pre></div></div>\n<p><img src="https://packets.example.org/assets/tofu.png" alt="A diagram"></p>'
        : `<p>Body of post ${i}, with <a href="https://packets.example.org/about/">a link</a>.</p>`,
    summary: `Summary of post ${i}.`,
    published: new Date(Date.UTC(2024, 0, 1) + (11 - i) * 7 * day + i * 3600000),
    tags: i === 0 ? ['opentofu', 'wikimedia foundation'] : ['debian'],
    categories: i === 0 ? ['infrastructure'] : [],
  }));
  return {
    title: 'Packet Path',
    description: 'Notes on networks, Debian & automation.',
    link: 'https://packets.example.org/',
    url: 'https://packets.example.org/feed.xml',
    language: 'en',
    author: { name: 'Ada Example', email: 'ada@example.org', url: 'https://packets.example.org/about/' },
    rights: 'CC BY-SA 4.0',
    items,
  };
}
