/**
 * Shiki's `codeToHast` for the options this package uses, from
 * `codeToTokens` (or, with one theme, from the grammar's own tokenizer, line by
 * line, see below): the same tree, built for less. `codeToHast` runs each
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
  isSpecialLang,
  isSpecialTheme,
  stringifyTokenStyle,
  type CodeToTokensOptions,
  type Highlighter,
  type ThemedToken,
} from 'shiki';
import { EncodedTokenMetadata, type IGrammar, type StateStack } from 'shiki/textmate';

/** Shiki's `FontStyle` flags that keep a whitespace token apart. */
const underline = 4;
const strikethrough = 8;

/** Whether whitespace may join a token of this font style (not underlined, not struck through), as Shiki merges. */
function mergeable(fontStyle: number | undefined): boolean {
  return ((fontStyle ?? 0) & (underline | strikethrough)) === 0;
}

const whitespaceOnly = /^\s+$/;

/** Shiki's `mergeWhitespaceTokens`: whitespace-only tokens join the token after them. */
function mergeWhitespace(line: ThemedToken[]): ThemedToken[] {
  const merged: ThemedToken[] = [];
  let carry = '';
  let firstOffset: number | undefined;
  line.forEach((token, index) => {
    const couldMerge = mergeable(token.fontStyle);
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

/** The `span.line` children of one line of tokens, as `codeToHast` writes them. */
function lineSpans(line: ThemedToken[]): ElementContent[] {
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
  return spans;
}

function lineOf(spans: ElementContent[]): Element {
  return { type: 'element', tagName: 'span', properties: { class: 'line' }, children: spans };
}

/** The element of an empty line, shared (nothing changes it). */
const emptyLine = lineOf([]);

function preOf(lines: Element[], themeName: string | undefined, rootStyle: string | false): Element {
  const children: ElementContent[] = [];
  lines.forEach((line, index) => {
    if (index) children.push({ type: 'text', value: '\n' });
    children.push(line);
  });
  const properties: Element['properties'] = { class: `shiki ${themeName || ''}` };
  if (rootStyle !== false) properties.style = rootStyle;
  properties.tabindex = '0';
  return {
    type: 'element',
    tagName: 'pre',
    properties,
    children: [{ type: 'element', tagName: 'code', properties: {}, children }],
    data: undefined,
  };
}

/**
 * The `pre` element through `codeToTokens`, for any options: the reference {@link codeToPre} stands in for
 * where it can.
 */
export function codeToPreFromTokens(highlighter: Highlighter, code: string, options: CodeToTokensOptions): Element {
  const { tokens, fg, bg, themeName, rootStyle } = highlighter.codeToTokens(
    code,
    options as Parameters<Highlighter['codeToTokens']>[1],
  );
  return preOf(
    tokens.map((line) => lineOf(lineSpans(line))),
    themeName,
    rootStyle === false ? false : (rootStyle ?? `background-color:${bg};color:${fg}`),
  );
}

/*
 * Lines tokenized once. With one theme, Shiki's `codeToTokens` is the grammar's `tokenizeLine2` run line after
 * line from `INITIAL`, each line from the state the line before ended in. What a line gives (its tokens and the
 * state it ends in) depends on the line's text and that state alone (the time limit is off), so a line already
 * tokenized from an equal state is read back with its spans. Two states are equal when every frame of their
 * stacks has the same rule, end rule, `beginRuleCapturedEOL` and scopes with their attributes: everything of a
 * state that tokenizing reads (the positions in a frame are reset before each line). Each distinct state gets a
 * number, so a line's key is that number and its text.
 */

/** The fields of vscode-textmate's `StateStackImpl`, `AttributedScopeStack` and `ScopeStack` that tokenizing reads. */
interface ScopePath {
  parent: ScopePath | null;
  scopeName: string;
}
interface Scopes {
  parent: Scopes | null;
  scopePath: ScopePath;
  tokenAttributes: number;
}
interface State {
  parent: State | null;
  ruleId: number;
  beginRuleCapturedEOL: boolean;
  endRule: string | null;
  nameScopesList: Scopes | null;
  contentNameScopesList: Scopes | null;
}

/**
 * Lines kept at most, over all languages (about 2 KB each); past
 * this, everything is dropped and tokenizing starts afresh.
 */
const maxLines = 20_000;

let ids = new WeakMap<object, number>();
let keys = new Map<string, number>();
let cachedLines = 0;
let generation = 0;

function intern(object: object, key: string): number {
  let id = keys.get(key);
  if (id === undefined) {
    id = keys.size + 1;
    keys.set(key, id);
  }
  ids.set(object, id);
  return id;
}

function pathId(path: ScopePath | null): number {
  if (!path) return 0;
  return ids.get(path) ?? intern(path, `p${pathId(path.parent)} ${path.scopeName}`);
}

function scopesId(scopes: Scopes | null): number {
  if (!scopes) return 0;
  return (
    ids.get(scopes) ??
    intern(scopes, `a${scopesId(scopes.parent)} ${scopes.tokenAttributes} ${pathId(scopes.scopePath)}`)
  );
}

function stateId(state: State | null): number {
  if (!state) return 0;
  return (
    ids.get(state) ??
    intern(
      state,
      `s${stateId(state.parent)} ${state.ruleId} ${state.beginRuleCapturedEOL ? 1 : 0} ` +
        `${scopesId(state.nameScopesList)} ${scopesId(state.contentNameScopesList)} ` +
        (state.endRule === null ? '-' : `=${state.endRule}`),
    )
  );
}

interface Line {
  /** The `span.line` element, shared by every block that has the line (nothing changes it). */
  element: Element;
  state: StateStack;
}

interface LineTokenizer {
  generation: number;
  grammar: IGrammar;
  themeName: string;
  /** The colors `codeToTokens` gives a token, by the theme's color id. */
  colors: (string | undefined)[];
  rootStyle: string | false;
  className: string | undefined;
  lines: Map<string, Line>;
  /** Token styles by foreground color id and font style (see {@link tokenStyle}). */
  styles: string[];
}

const tokenizers = new WeakMap<Highlighter, Map<string, LineTokenizer>>();

/**
 * Options {@link codeToPre} tokenizes line by line, keeping the lines: one theme, no time limit, nothing else
 * set, a language and a theme Shiki does not handle apart. Only then are a block's line elements shared with
 * other blocks.
 */
export function lineByLine(
  options: CodeToTokensOptions,
): options is CodeToTokensOptions & { lang: string; theme: string } {
  const { lang, theme, tokenizeTimeLimit, ...rest } = options as unknown as Record<string, unknown>;
  return (
    typeof lang === 'string' &&
    typeof theme === 'string' &&
    tokenizeTimeLimit === 0 &&
    Object.keys(rest).length === 0 &&
    // Shiki's own plain-text and ANSI languages and its `none` theme are not tokenized by a grammar.
    !isSpecialLang(lang) &&
    !isSpecialTheme(theme)
  );
}

function lineTokenizer(highlighter: Highlighter, lang: string, themeName: string): LineTokenizer {
  let byKey = tokenizers.get(highlighter);
  if (!byKey) tokenizers.set(highlighter, (byKey = new Map()));
  const key = `${lang}\u0000${themeName}`;
  let tokenizer = byKey.get(key);
  if (!tokenizer || tokenizer.generation !== generation) {
    const context = highlighter.getInternalContext();
    const { theme, colorMap } = context.setTheme(themeName);
    const replacements: Record<string, string> = { ...theme.colorReplacements };
    const {
      fg,
      bg,
      themeName: className,
      rootStyle,
    } = highlighter.codeToTokens('', {
      lang,
      theme: themeName,
    } as Parameters<Highlighter['codeToTokens']>[1]);
    tokenizer = {
      generation,
      grammar: context.getLanguage(lang),
      themeName,
      colors: colorMap.map((color) => (color ? replacements[color.toLowerCase()] || color : color)),
      rootStyle: rootStyle === false ? false : (rootStyle ?? `background-color:${bg};color:${fg}`),
      className,
      lines: new Map(),
      styles: [],
    };
    byKey.set(key, tokenizer);
  }
  return tokenizer;
}

/** A token span of a line, as {@link lineSpans} makes it. */
function tokenSpan(text: string, style: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: style ? { style } : {},
    children: [{ type: 'text', value: text }],
  };
}

/** The style of a token by its metadata (foreground color and font style), made once per tokenizer. */
function tokenStyle(tokenizer: LineTokenizer, metadata: number): string {
  const foreground = EncodedTokenMetadata.getForeground(metadata);
  const fontStyle = EncodedTokenMetadata.getFontStyle(metadata);
  const key = (foreground << 4) | fontStyle;
  let style = tokenizer.styles[key];
  if (style === undefined) {
    style = styleOf({ content: '', offset: 0, color: tokenizer.colors[foreground]!, fontStyle });
    tokenizer.styles[key] = style;
  }
  return style;
}

/** The style of whitespace kept apart from an underlined or struck-through token: none. */
const plainStyle = styleOf({ content: '', offset: 0 });

/**
 * One line's element and end state: what Shiki's `_tokenizeWithTheme` gives, through {@link lineSpans}
 * (whitespace merged as {@link mergeWhitespace} merges it), made from the grammar's tokens directly.
 */
function tokenizeLine(tokenizer: LineTokenizer, line: string, state: StateStack | null): Line {
  const result = tokenizer.grammar.tokenizeLine2(line, state, 0);
  const binary = result.tokens;
  const count = binary.length / 2;
  const endOf = (j: number): number => (j + 1 < count ? binary[2 * j + 2]! : line.length);
  // The last token that is not empty: whitespace before it joins the token after.
  let last = count - 1;
  while (last >= 0 && binary[2 * last] === endOf(last)) last--;
  const spans: ElementContent[] = [];
  let carry = '';
  for (let j = 0; j <= last; j++) {
    const start = binary[2 * j]!;
    const end = endOf(j);
    if (start === end) continue;
    const metadata = binary[2 * j + 1]!;
    const content = line.substring(start, end);
    const couldMerge = mergeable(EncodedTokenMetadata.getFontStyle(metadata));
    if (couldMerge && j < last && whitespaceOnly.test(content)) {
      carry += content;
      continue;
    }
    if (carry && couldMerge) {
      spans.push(tokenSpan(carry + content, tokenStyle(tokenizer, metadata)));
      carry = '';
      continue;
    }
    if (carry) {
      spans.push(tokenSpan(carry, plainStyle));
      carry = '';
    }
    spans.push(tokenSpan(content, tokenStyle(tokenizer, metadata)));
  }
  return { element: lineOf(spans), state: result.ruleStack };
}

/** Drops every kept line and state number (done by itself past {@link maxLines} lines). */
export function clearLines(): void {
  ids = new WeakMap();
  keys = new Map();
  cachedLines = 0;
  generation++;
}

/**
 * The `pre` element `highlighter.codeToHast(code, options)` gives, for options without transformers,
 * decorations, `meta`, `structure` or `rootStyle` (Shiki's defaults for these).
 *
 * @throws what `codeToTokens` throws (an unknown language or theme).
 */
export function codeToPre(highlighter: Highlighter, code: string, options: CodeToTokensOptions): Element {
  if (!lineByLine(options)) return codeToPreFromTokens(highlighter, code, options);
  if (cachedLines > maxLines || keys.size > 4 * maxLines) clearLines();
  const tokenizer = lineTokenizer(highlighter, options.lang, options.theme);
  // As `codeToTokens` does before each block: the registry's theme gives the scopes their colors.
  highlighter.getInternalContext().setTheme(tokenizer.themeName);
  const lines: Element[] = [];
  // `null` is the first line's state (`INITIAL`).
  let state: StateStack | null = null;
  for (const text of code.split(/\r?\n/)) {
    // Shiki's `_tokenizeWithTheme` skips an empty line: no tokens, and the state goes on unchanged.
    if (text === '') {
      lines.push(emptyLine);
      continue;
    }
    const key = `${stateId(state as unknown as State | null)}\u0000${text}`;
    let line = tokenizer.lines.get(key);
    if (!line) {
      line = tokenizeLine(tokenizer, text, state);
      tokenizer.lines.set(key, line);
      cachedLines++;
    }
    lines.push(line.element);
    state = line.state;
  }
  return preOf(lines, tokenizer.className, tokenizer.rootStyle);
}
