import { describe, expect, test } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { element, removeForbiddenXmlCharacters, xmlAttribute, xmlText } from '@blog/feed';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: false,
});

function roundTrip(value: string): { text: unknown; attribute: unknown } {
  const parsed = parser.parse(`<r a="${xmlAttribute(value)}">${xmlText(value)}</r>`) as {
    r: { '#text'?: unknown; a: unknown } | string;
  };
  return typeof parsed.r === 'string'
    ? { text: parsed.r, attribute: undefined }
    : { text: parsed.r['#text'] ?? '', attribute: parsed.r.a };
}

describe('XML escaping', () => {
  test('markup characters, CDATA ends and non-ASCII round-trip through an independent parser', () => {
    const value = 'Tom & Jerry <b>"quoted"</b> ]]> café — 日本 🚀 \'single\'';
    expect(roundTrip(value)).toEqual({ text: value, attribute: value });
  });

  test('element escapes attributes and text alike, and carriage returns survive', () => {
    expect(String(element('a', { href: 'x?a=1&b="2"' }, 'Tom & <Jerry>\r\n'))).toBe(
      '<a href="x?a=1&amp;b=&quot;2&quot;">Tom &amp; &lt;Jerry&gt;&#13;\n</a>',
    );
    expect(String(element('empty', { skipped: undefined }, false, null))).toBe('<empty/>');
  });

  test('does not double-escape entities that are already text', () => {
    expect(xmlText('&amp; is how you write &')).toBe('&amp;amp; is how you write &amp;');
  });

  test('removes characters XML 1.0 forbids and keeps the rest', () => {
    const value = `a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\tline\nend\r😀`;
    expect(removeForbiddenXmlCharacters(value)).toBe('abcdefgh\tline\nend\r😀');
  });
});
