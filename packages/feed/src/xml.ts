/**
 * The one audited path for XML: every string that goes into a feed passes
 * through `xmlText` or `xmlAttribute`, and every element is written by
 * `element`, which escapes its attributes and text children alike.
 */

// Characters XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Lone surrogates are not characters; the `u` flag lets the class match pairs as one code point.
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// A cheap first look, by UTF-16 code unit: text without any of these needs no cleaning.
// Surrogates are here too, so text with astral characters gets the full check above.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const suspect = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const special = /[&<>\r]/;

/** Removes the characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE, U+FFFF). */
export function removeForbiddenXmlCharacters(value: string): string {
  return suspect.test(value) ? value.replace(forbidden, '') : value;
}

/**
 * Escapes a string for XML character data: `&`, `<`, `>` (so `]]>` cannot
 * appear) and carriage returns (which parsers would turn into line feeds).
 */
export function xmlText(value: string): string {
  const clean = removeForbiddenXmlCharacters(value);
  if (!special.test(clean)) return clean;
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes a string for a double-quoted XML attribute value. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** An XML child: text to escape, or markup made by {@link element}. */
export type XmlChild = string | XmlMarkup | false | null | undefined;

/** Markup already escaped by {@link element}; plain strings are always text. */
export class XmlMarkup {
  constructor(readonly xml: string) {}
  toString(): string {
    return this.xml;
  }
}

/**
 * Writes an element. Attribute values and string children are escaped;
 * `undefined` attributes and `false`/`null`/`undefined` children are left out.
 * With no children the element is self-closing.
 */
export function element(
  name: string,
  attributes: Record<string, string | undefined> = {},
  ...children: readonly XmlChild[]
): XmlMarkup {
  let xml = `<${name}`;
  for (const key in attributes) {
    const value = attributes[key];
    if (value !== undefined) xml += ` ${key}="${xmlAttribute(value)}"`;
  }
  let body = '';
  let empty = true;
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    empty = false;
    body += typeof child === 'string' ? xmlText(child) : child.xml;
  }
  return new XmlMarkup(empty ? `${xml}/>` : `${xml}>${body}</${name}>`);
}

/** Children of a container element, each on its own line at `depth` (whitespace between elements only). */
export function indented(depth: number, children: readonly XmlChild[]): XmlChild[] {
  const out: XmlChild[] = [];
  for (const child of children) {
    if (child === false || child == null) continue;
    out.push(`\n${'  '.repeat(depth)}`, child);
  }
  out.push(`\n${'  '.repeat(depth - 1)}`);
  return out;
}

/** Writes a document: the XML declaration, an optional stylesheet instruction, then the root, indented by line. */
export function xmlDocument(root: XmlMarkup, stylesheet?: string): string {
  const instruction = stylesheet ? `<?xml-stylesheet type="text/xsl" href="${xmlAttribute(stylesheet)}"?>\n` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${instruction}${root.xml}\n`;
}
