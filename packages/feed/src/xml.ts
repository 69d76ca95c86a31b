/**
 * The one audited path for XML text: every string that goes into a feed
 * passes through `xmlText` or `xmlAttribute`.
 */

// Characters XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Lone surrogates are not characters; the `u` flag lets the class match pairs as one code point.
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE, U+FFFF). */
export function removeForbiddenXmlCharacters(value: string): string {
  return value.replace(forbidden, '');
}

/** Escapes a string for XML character data. */
export function xmlText(value: string): string {
  return removeForbiddenXmlCharacters(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a string for a double-quoted XML attribute value. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
