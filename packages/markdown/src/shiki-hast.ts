/**
 * Shiki's `codeToHast` for the options this package uses, from
 * `codeToTokens`: the same tree, built for less. `codeToHast` runs each
 * token through its transformer hooks (none are set here) and builds its
 * `style` from a new object each time, which cost a tenth of highlighting;
 * here a style is made once per color and font style. The tree is Shiki's:
 * `pre.shiki > code > span.line > span[style]`, lines joined by `"\n"`
 * texts, whitespace-only tokens merged into the next token as Shiki merges
 * them (`mergeWhitespaces: true`). The tests compare both on the benchmark
 * corpus and the fixtures, in both theme modes.
 */
import type { Element, ElementContent } from 'hast';
import {
  getTokenStyleObject,
  stringifyTokenStyle,
  type CodeToTokensOptions,
  type Highlighter,
  type ThemedToken,
} from 'shiki';

/** Shiki's `FontStyle` flags that keep a whitespace token apart. */
const underline = 4;
const strikethrough = 8;

const whitespaceOnly = /^\s+$/;

/** Shiki's `mergeWhitespaceTokens`: whitespace-only tokens join the token after them. */
function mergeWhitespace(line: ThemedToken[]): ThemedToken[] {
  const merged: ThemedToken[] = [];
  let carry = '';
  let firstOffset: number | undefined;
  line.forEach((token, index) => {
    const couldMerge = !(token.fontStyle && (token.fontStyle & underline || token.fontStyle & strikethrough));
    if (couldMerge && whitespaceOnly.test(token.content) && line[index + 1]) {
      if (firstOffset === undefined) firstOffset = token.offset;
      carry += token.content;
    } else if (carry) {
      if (couldMerge) merged.push({ ...token, offset: firstOffset!, content: carry + token.content });
      else merged.push({ content: carry, offset: firstOffset! }, token);
      firstOffset = undefined;
      carry = '';
    } else merged.push(token);
  });
  return merged;
}

const styles = new Map<string, string>();

/** The `style` of a token, as `codeToHast` writes it. */
function styleOf(token: ThemedToken): string {
  if (token.htmlStyle) return stringifyTokenStyle(token.htmlStyle);
  const key = `${token.color ?? ''}\u0000${token.bgColor ?? ''}\u0000${token.fontStyle ?? ''}`;
  let style = styles.get(key);
  if (style === undefined) {
    style = stringifyTokenStyle(getTokenStyleObject(token));
    styles.set(key, style);
  }
  return style;
}

/**
 * The `pre` element `highlighter.codeToHast(code, options)` gives, for options without transformers,
 * decorations, `meta`, `structure` or `rootStyle` (Shiki's defaults for these).
 *
 * @throws what `codeToTokens` throws (an unknown language or theme).
 */
export function codeToPre(highlighter: Highlighter, code: string, options: CodeToTokensOptions): Element {
  const { tokens, fg, bg, themeName, rootStyle } = highlighter.codeToTokens(
    code,
    options as Parameters<Highlighter['codeToTokens']>[1],
  );
  const lines: ElementContent[] = [];
  tokens.forEach((line, index) => {
    if (index) lines.push({ type: 'text', value: '\n' });
    const spans: ElementContent[] = [];
    for (const token of mergeWhitespace(line)) {
      const properties: Element['properties'] = { ...token.htmlAttrs };
      const style = styleOf(token);
      if (style) properties.style = style;
      spans.push({
        type: 'element',
        tagName: 'span',
        properties,
        children: [{ type: 'text', value: token.content }],
      });
    }
    lines.push({ type: 'element', tagName: 'span', properties: { class: 'line' }, children: spans });
  });
  const properties: Element['properties'] = { class: `shiki ${themeName || ''}` };
  if (rootStyle !== false) properties.style = rootStyle ?? `background-color:${bg};color:${fg}`;
  properties.tabindex = '0';
  return {
    type: 'element',
    tagName: 'pre',
    properties,
    children: [{ type: 'element', tagName: 'code', properties: {}, children: lines }],
    data: undefined,
  };
}
