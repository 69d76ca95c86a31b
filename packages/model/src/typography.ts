/**
 * kramdown's typography on a string: `---` em dash, `--` en dash, `...`
 * ellipsis, `<<`/`>>` guillemets, and smart quotes by kramdown's own rules
 * (its `SQ_RULES`), so a quote after `/` closes, one after `(` or a space
 * opens, `'90s` is an apostrophe and `'69` an opening quote. `@blog/markdown`
 * applies it to the text of posts; Liquid's `smartify` to text and HTML.
 */

// kramdown's classes are Ruby's, ASCII only.
export const punctuation = /^[!"#$%'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const closesAfter = /^[^ \\\t\r\n[{(-]$/;
const space = /^[ \t\r\n\f\v]$/;
const word = /^[A-Za-z0-9_]/;

const quotes = {
  '"': { open: '\u201C', close: '\u201D' },
  "'": { open: '\u2018', close: '\u2019' },
} as const;

/**
 * The direction of the quote `quote`, after `before` (undefined when the character before was used by
 * something else, or there is none) and followed by `rest`. Returns the text and how many characters of
 * `rest` it used too.
 */
function smartQuote(quote: '"' | "'", before: string | undefined, rest: string): [string, number] {
  const { open, close } = quotes[quote];
  if (before === undefined) {
    if (/^[_*]{1,2}\S/.test(rest)) return [open, 0];
    if (punctuation.test(rest) && !rest.startsWith('..', 1) && !word.test(rest.slice(1))) return [close, 0];
  }
  if (before === undefined || space.test(before)) {
    if (quote === '"' && rest[0] === "'" && word.test(rest.slice(1))) return ['\u201C\u2018', 1];
    if (quote === "'" && rest[0] === '"' && word.test(rest.slice(1))) return ['\u2018\u201C', 1];
    if (quote === "'" && /^\d\ds/.test(rest)) return ['\u2019', 0];
  }
  if (before !== undefined && space.test(before) && word.test(rest)) return [open, 0];
  if (before !== undefined && closesAfter.test(before)) return [close, 0];
  if (before === undefined && (rest === '' || /^(?:[ \t\r\n\f\v]|s(?![A-Za-z0-9_]))/.test(rest))) return [close, 0];
  return [open, 0];
}

/**
 * Applies kramdown's typography to one string. `after` is the source that follows it (for the last
 * characters' context); `escaped` the indexes of characters written with a backslash.
 */
const special = /['"]|--|\.\.\.|<<|>>/;

/** Whether `text` has anything kramdown's typography changes. */
export const hasTypography = (text: string): boolean => special.test(text);

export function smarten(text: string, after = '', escaped: ReadonlySet<number> = new Set()): string {
  if (!hasTypography(text)) return text;
  let out = '';
  // Whether text[i - 1] is plain text kramdown has not used for something else.
  let available = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (escaped.has(i)) {
      // `\<<` and `\>>` stay as typed, both characters.
      if ((c === '<' || c === '>') && text[i + 1] === c) {
        out += c + c;
        i++;
      } else out += c;
      available = false;
      continue;
    }
    const next = text[i + 1];
    if (c === '-' && next === '-') {
      out += text[i + 2] === '-' ? '\u2014' : '\u2013';
      i += text[i + 2] === '-' ? 2 : 1;
      available = false;
    } else if (c === '.' && next === '.' && text[i + 2] === '.') {
      out += '\u2026';
      i += 2;
      available = false;
    } else if (c === '<' && next === '<') {
      out += text[i + 2] === ' ' ? '\u00AB\u00A0' : '\u00AB';
      i += text[i + 2] === ' ' ? 2 : 1;
      available = false;
    } else if (c === ' ' && next === '>' && text[i + 2] === '>') {
      out += '\u00A0\u00BB';
      i += 2;
      available = false;
    } else if (c === '>' && next === '>') {
      out += '\u00BB';
      i += 1;
      available = false;
    } else if (c === '"' || c === "'") {
      const before = available ? text[i - 1] : undefined;
      const [value, used] = smartQuote(c, before, text.slice(i + 1) + after);
      out += value;
      i += used;
      available = false;
    } else {
      out += c;
      available = true;
    }
  }
  return out;
}

/** HTML tags (not `<word>` inside guillemets, `<<word>>`) and written entities, which `smartify` leaves alone. */
const markup = /(?<!<)<\/?[A-Za-z][^<>]*>(?!>)|<!--[\s\S]*?-->|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);/g;

/**
 * Jekyll's `smartify` (kramdown's SmartyPants reader): kramdown's typography on the text of `input`, HTML
 * tags and entities left as they are, and the other `&`, `<` and `>` escaped.
 */
export function smartify(input: string): string {
  let out = '';
  let last = 0;
  const text = (end: number): string =>
    smarten(input.slice(last, end), input.slice(end, end + 3))
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
  for (const match of input.matchAll(markup)) {
    out += text(match.index) + match[0];
    last = match.index + match[0].length;
  }
  return out + text(input.length);
}
