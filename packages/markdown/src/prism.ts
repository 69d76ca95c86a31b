/**
 * Build-time syntax highlighting with Prism's grammars, through refractor
 * (Prism for unified: its languages, hooks and tokenizer; the tree is built
 * here, see `tokensToHast`): the `engine: 'prism'` of `rehype-highlight.ts`.
 * Prism's grammars are a few regular expressions per language, run over the
 * whole block, against Shiki's TextMate rules run line by line: the tokens
 * are coarser, and highlighting takes about half of Shiki's time.
 *
 * All of refractor's 297 languages, and nftables (`grammars/nft.ts`), are
 * loaded when a process first highlights (about 0.6 s; see `prismEngine` for
 * why all).
 */
import type { Element, ElementContent, Text } from 'hast';
import type { Refractor } from 'refractor/core';
import { nftPrism } from './grammars/nft.js';
import { classTag, keepChildrenHtml, textHtml } from './highlighted-html.js';
import type { HighlightEngine } from './rehype-highlight.js';

/**
 * Names Shiki (and GitHub) give languages that Prism spells otherwise, so a
 * post highlights the same with either engine: a terminal session,
 * Terraform, zsh, Go, C++, C#, F#, Rust, JSON with comments, Make, PowerShell,
 * Protocol Buffers…
 */
export const prismNames: Record<string, string> = {
  console: 'shell-session',
  terminal: 'shell-session',
  shellscript: 'bash',
  zsh: 'bash',
  terraform: 'hcl',
  tf: 'hcl',
  tfvars: 'hcl',
  golang: 'go',
  'c++': 'cpp',
  'c#': 'csharp',
  'f#': 'fsharp',
  fs: 'fsharp',
  rs: 'rust',
  cjs: 'javascript',
  mjs: 'javascript',
  cts: 'typescript',
  mts: 'typescript',
  jsonc: 'json',
  jsonl: 'json',
  make: 'makefile',
  ps1: 'powershell',
  pwsh: 'powershell',
  proto: 'protobuf',
  'objective-c': 'objectivec',
  viml: 'vim',
  vimscript: 'vim',
  regexp: 'regex',
  'common-lisp': 'lisp',
  clj: 'clojure',
  erl: 'erlang',
  bat: 'batch',
  cmd: 'batch',
  apache: 'apacheconf',
  styl: 'stylus',
};

/** A name with a grammar: Prism's `languages` also holds its functions (`extend`, `insertBefore`, `DFS`). */
function known(refractor: Refractor, name: string): boolean {
  return refractor.registered(name) && typeof refractor.languages[name] === 'object';
}

/** A token of Prism's `tokenize`. */
interface Token {
  type: string;
  content: TokenStream;
  alias?: string | string[] | undefined;
}

type TokenStream = string | Token | (string | Token)[];

/** refractor is Prism: its public `hooks` and `tokenize` are there, though refractor's types leave them out. */
type Prism = Refractor & {
  hooks: { run(name: 'before-tokenize' | 'after-tokenize' | 'wrap', env: object): void };
  tokenize(text: string, grammar: NonNullable<Refractor['languages'][string]>): TokenStream;
};

/** A token whose `wrap` hooks gave it another tag, content or attributes: the block is left to refractor. */
const notPlain = Symbol('not a plain span');

function hasKeys(record: Record<string, string>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

/** The HTML of the tokens `tokensToHast` has turned so far, in pieces. */
let html: string[] = [];

/**
 * refractor's `stringify`, for tokens that stay plain spans after Prism's `wrap` hooks (all but a few, such
 * as markup's entities, which get a `title`, and Markdown's fenced blocks, highlighted): the same tree,
 * built without hastscript's selector parsing, the larger part of refractor's time. Its HTML is written on
 * the way, in hast-util-to-html's words (`highlighted-html.ts`), and kept with the tree.
 */
function tokensToHast(refractor: Prism, value: TokenStream, language: string): ElementContent | ElementContent[] {
  if (typeof value === 'string') {
    html.push(textHtml(value));
    return { type: 'text', value } satisfies Text;
  }
  if (Array.isArray(value)) {
    const nodes: ElementContent[] = [];
    for (const item of value) {
      if (item !== null && item !== undefined && item !== '') {
        nodes.push(tokensToHast(refractor, item, language) as ElementContent);
      }
    }
    return nodes;
  }
  // The opening tag's place: the classes are known after the hooks, which run after the content is turned.
  const tag = html.push('') - 1;
  const content = tokensToHast(refractor, value.content, language);
  const env = {
    attributes: {} as Record<string, string>,
    classes: ['token', value.type],
    content,
    language,
    tag: 'span',
    type: value.type,
  };
  if (value.alias) env.classes.push(...(typeof value.alias === 'string' ? [value.alias] : value.alias));
  refractor.hooks.run('wrap', env);
  // Classes may change: the tag is written after the hooks. Content may not: its HTML is written.
  if (env.tag !== 'span' || env.content !== content || hasKeys(env.attributes)) throw notPlain;
  html[tag] = classTag(env.classes);
  html.push('</span>');
  const children = Array.isArray(env.content) ? env.content : [env.content];
  return { type: 'element', tagName: 'span', properties: { className: env.classes }, children };
}

/** refractor's `highlight`: Prism's hooks and tokenizer, then the tree (see `tokensToHast`). */
function highlightTokens(refractor: Prism, text: string, language: string): ElementContent[] {
  const env = { code: text, grammar: refractor.languages[language], language, tokens: [] as TokenStream };
  refractor.hooks.run('before-tokenize', env);
  if (!env.grammar) return refractor.highlight(text, language).children as ElementContent[];
  env.tokens = refractor.tokenize(env.code, env.grammar) as TokenStream;
  refractor.hooks.run('after-tokenize', env);
  html = [];
  try {
    const nodes = tokensToHast(refractor, env.tokens, env.language);
    const children = Array.isArray(nodes) ? nodes : [nodes];
    keepChildrenHtml(children, html.join(''));
    return children;
  } catch (error) {
    if (error !== notPlain) throw error;
    return refractor.highlight(text, language).children as ElementContent[];
  } finally {
    html = [];
  }
}

let engine: Promise<HighlightEngine> | undefined;

/**
 * The Prism engine, made once per process, with every language of refractor. Prism's output for a language
 * can depend on which others are loaded (a fenced block inside Markdown is highlighted only if its language
 * is; JavaScript's tagged templates, likewise): loading them all, always, makes it depend on the code alone,
 * never on the posts a process rendered before.
 */
export function prismEngine(): Promise<HighlightEngine> {
  engine ??= import('refractor/all').then(({ refractor }) => {
    // nftables, which Prism lacks, from the words of our Shiki grammar for it.
    refractor.register(nftPrism);
    return {
      async language(name) {
        const id = Object.hasOwn(prismNames, name) ? prismNames[name]! : name;
        return known(refractor, id) ? id : undefined;
      },
      highlight(text, language) {
        const code: Element = {
          type: 'element',
          tagName: 'code',
          properties: {},
          children: highlightTokens(refractor as Prism, text, language),
        };
        // `tabindex` as Shiki's: a block that scrolls can be reached with the keyboard.
        return { type: 'element', tagName: 'pre', properties: { class: 'prism', tabIndex: 0 }, children: [code] };
      },
      // The block's tokens are kept with it, for the excerpt, and never changed.
      sharedChildren: () => true,
    } satisfies HighlightEngine;
  });
  return engine;
}
