/**
 * Jekyll runs Liquid in `warn` mode: an output (`{{ … }}`) that Liquid's
 * strict parser rejects is a warning, and is rendered as Liquid's lax
 * parser reads it: its first fragment as the value (a variable looked up by
 * the words in it, so `.Values.tag` is `Values.tag` and `$key` is `key`),
 * then each `| name`, with the arguments written after a `:` or a `,`.
 * Technical posts meet this with the template languages in their code: Go
 * templates and Helm's `{{ .Values.image.tag }}`, `{{ range $k, $v := … }}`,
 * Jinja's `{{ item | default('x') }}`. Jekyll builds them, warning, and
 * renders most as nothing. liquidjs fails on some and reads others its own
 * way, so each such output is written as Jekyll reads it before liquidjs
 * parses the document, with a warning at its line.
 *
 * A condition (`{% if .Values.x %}`) that Liquid's strict parser rejects is a
 * warning too; liquidjs reads it as Jekyll does in the cases met (an unknown
 * variable, a comparison with nothing), so it is left as written. Any other
 * tag that liquidjs rejects is still a problem with its file and line (Jekyll
 * fails on most of them too).
 */

// Liquid's (Ruby's) lax patterns: `QuotedString`, `QuotedFragment`, `FilterParser`, `FilterArgsRegex`.
const quotedString = String.raw`"[^"]*"|'[^']*'`;
const quotedFragment = String.raw`${quotedString}|(?:[^\s,|'"]|${quotedString})+`;
const firstFragment = new RegExp(`(${quotedFragment})([\\s\\S]*)`);
const filterPart = new RegExp(String.raw`(?:\s+|${quotedFragment}|,)+`, 'g');
const filterArgument = new RegExp(String.raw`(?::|,)\s*((?:\w+\s*:\s*)?(?:${quotedFragment}))`, 'g');

// What Liquid's strict parser takes in an output: a value, then filters with their arguments.
const strictString = String.raw`(?:"[^"]*"|'[^']*')`;
const strictNumber = String.raw`-?\d+(?:\.\d+)?`;
const strictId = String.raw`[A-Za-z_][\w-]*\??`;
// An index holds a value: a string, a number, or a path (whose own indexes hold no index).
const simpleIndex = String.raw`\[\s*(?:${strictString}|${strictNumber}|${strictId}(?:\.${strictId})*)\s*\]`;
const strictIndex = String.raw`\[\s*(?:${strictString}|${strictNumber}|(?:${strictId}|${simpleIndex})(?:\s*\.\s*${strictId}|\s*${simpleIndex})*)\s*\]`;
// Ruby's lexer skips spaces between tokens: `a . b` is `a.b`.
const strictPath = String.raw`(?:${strictId}|${strictIndex})(?:\s*\.\s*${strictId}|\s*${strictIndex})*`;
const strictRange = String.raw`\(\s*(?:${strictNumber}|${strictPath})\s*\.\.\s*(?:${strictNumber}|${strictPath})\s*\)`;
const strictValue = `(?:${strictString}|${strictNumber}|${strictRange}|${strictPath})`;
const strictArgument = String.raw`(?:${strictId}\s*:\s*)?${strictValue}`;
const strictFilter = String.raw`\|\s*${strictId}\s*(?::\s*${strictArgument}(?:\s*,\s*${strictArgument})*)?`;
const strictOutput = new RegExp(String.raw`^\s*${strictValue}\s*(?:${strictFilter}\s*)*$`);

// A condition of `if`, `elsif` and `unless`: comparisons joined by `and` and `or`.
const strictComparison = String.raw`${strictValue}(?:\s*(?:==|!=|<>|<=|>=|<|>|\scontains\s)\s*${strictValue})?`;
const strictCondition = new RegExp(String.raw`^\s*${strictComparison}(?:\s+(?:and|or)\s+${strictComparison})*\s*$`);

const strictIndexValue = new RegExp(String.raw`^\s*${strictValue}\s*$`);

const literal = new RegExp(
  String.raw`^(?:${strictString}|${strictNumber}|${strictRange}|nil|null|true|false|blank|empty)$`,
);

/** A fragment as Liquid's lax parser takes it: a literal as it is, else a variable named by the words in it. */
function laxValue(fragment: string): string {
  if (literal.test(fragment)) return fragment;
  // Ruby's `VariableLookup`: the `[…]` and the words (`[\w-]+`) of the fragment, in order.
  const parts = fragment.match(/\[(?:[^[\]]|\[[^[\]]*\])*\]|[\w-]+/g);
  if (!parts || !/^[A-Za-z_]/.test(parts[0]!)) return 'nil';
  // An index that is no value of its own (`a[$b]`) finds nothing.
  if (parts.some((part) => part.startsWith('[') && !strictIndexValue.test(part.slice(1, -1)))) return 'nil';
  return parts.map((part, index) => (index === 0 || part.startsWith('[') ? part : `.${part}`)).join('');
}

/** The inside of an output as Liquid's lax parser reads it, written so that liquidjs reads it the same. */
export function laxOutput(markup: string): string {
  const match = firstFragment.exec(markup);
  if (!match) return 'nil';
  let output = laxValue(match[1]!);
  const filters = /\|\s*([\s\S]*)/.exec(match[2]!);
  for (const part of filters ? (filters[1]!.match(filterPart) ?? []) : []) {
    const name = /\w+/.exec(part);
    if (!name) continue;
    const args = Array.from(part.matchAll(filterArgument), ([, argument]) => {
      const keyword = /^(\w+)\s*:\s*([\s\S]*)$/.exec(argument!);
      return keyword ? `${keyword[1]}: ${laxValue(keyword[2]!)}` : laxValue(argument!);
    });
    output += ` | ${name[0]}${args.length > 0 ? `: ${args.join(', ')}` : ''}`;
  }
  return output;
}

/** Liquid that its strict parser rejects: an output or a condition, where it is in the text. */
export interface LaxPlace {
  /** As written (`{{ $key }}`, `{% if .Values.x %}`). */
  written: string;
  /** Where it starts in the text, and its 1-based line there. */
  index: number;
  line: number;
  /** An output as the lax parser reads it (`{{ key }}`); none for a condition, which liquidjs reads so too. */
  read?: string | undefined;
}

/** The 1-based line of each index asked for in `text`, in increasing order of the indexes. */
function lines(text: string): (index: number) => number {
  let at = 0;
  let line = 1;
  return (index) => {
    for (let next = text.indexOf('\n', at); next !== -1 && next < index; next = text.indexOf('\n', next + 1)) line++;
    at = Math.max(at, index);
    return line;
  };
}

const rawBlock = /\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g;
const output = /\{\{(-?)([\s\S]*?)(-?)\}\}/g;
const condition = /\{%-?\s*(?:if|elsif|unless)\s([\s\S]*?)-?%\}/g;

/**
 * The text with each output that Liquid's strict parser rejects written as its lax parser reads it (each
 * keeps its lines, so the lines after it stay where they are), and every output and condition it rejects,
 * in the order of the text. `{% raw %}` is left alone.
 */
export function readLaxLiquid(text: string): { text: string; places: LaxPlace[] } {
  // The raw blocks blanked (their line ends kept): what is in one is text, not Liquid.
  const scanned = text.includes('raw') ? text.replace(rawBlock, (block) => block.replace(/[^\n]/g, ' ')) : text;
  const places: LaxPlace[] = [];
  const outputLine = lines(scanned);
  let result = '';
  let last = 0;
  for (const match of scanned.matchAll(output)) {
    const [written, open, markup, close] = match;
    // An empty output is nothing, in Jekyll without a word; liquidjs takes no empty output.
    const empty = markup!.trim() === '';
    if (!empty && strictOutput.test(markup!)) continue;
    const lineEnds = markup!.match(/\n/g)?.join('') ?? '';
    const read = `{{${open} ${empty ? 'nil' : laxOutput(markup!)} ${lineEnds}${close}}}`;
    if (!empty) places.push({ written: written!, index: match.index, line: outputLine(match.index), read });
    result += text.slice(last, match.index) + read;
    last = match.index + written!.length;
  }
  const conditionLine = lines(scanned);
  for (const match of scanned.matchAll(condition)) {
    if (!strictCondition.test(match[1]!)) {
      places.push({ written: match[0], index: match.index, line: conditionLine(match.index) });
    }
  }
  return {
    text: last === 0 ? text : result + text.slice(last),
    places: places.sort((a, b) => a.index - b.index),
  };
}
