/**
 * The options of the pipeline, each a plain noun with its default, and the
 * one place they are normalised.
 */

/** Shiki's themes: `css-variables`, or a light and a dark Shiki theme. */
export type ShikiThemes = 'css-variables' | { light: string; dark: string };

/** How code blocks are highlighted. */
export interface HighlightOptions {
  /**
   * The highlighter: `shiki` (default), VS Code's TextMate grammars, or
   * `prism`, Prism's grammars through refractor: coarser tokens, in about
   * half of Shiki's time (a whole post renders about 1.5 times as fast; see
   * the README's figures). Prism's tokens are `span.token` with Prism's classes
   * (`token keyword`, `token string`…), coloured by the site's stylesheet
   * (`@blog/theme` gives them the same colours as Shiki's `css-variables`).
   */
  engine?: 'shiki' | 'prism' | undefined;
  /**
   * Shiki themes; default `css-variables`: code is tokenized once and each
   * token's colour is a CSS variable (`--shiki-token-keyword`,
   * `--shiki-token-string`…) that the site's stylesheet sets for light and
   * dark mode (`@blog/theme` does). Or a pair of Shiki theme names,
   * `{ light: 'github-light', dark: 'github-dark' }`: the light colours inline,
   * the dark ones as `--shiki-dark` variables; this tokenizes twice. Shiki
   * only: with `engine: 'prism'` it is an error.
   */
  themes?: ShikiThemes | undefined;
}

/** Options of {@link createProcessor} and {@link render}. */
export interface Options {
  /**
   * Keep raw HTML written in the Markdown (iframes, `<div>`, `<br>`), as Jekyll
   * does for trusted authors; default `true`. Ignored when `sanitize` is on.
   */
  allowDangerousHtml?: boolean | undefined;
  /**
   * Sanitize the output with GitHub's rules (rehype-sanitize) for untrusted
   * Markdown: raw HTML is parsed and only safe elements and attributes stay;
   * default `false`.
   */
  sanitize?: boolean | undefined;
  /** Typographic quotes, dashes and ellipses as kramdown makes them; default `true`. */
  smartypants?: boolean | undefined;
  /** Syntax highlighting at build time (Shiki unless `engine` says Prism); `false` leaves plain code; default `{}` (on). */
  highlight?: HighlightOptions | false | undefined;
  /**
   * Math written `$$…$$`, as kramdown reads it: `mathjax` (default) emits
   * `\[…\]` and `\(…\)` for MathJax in the browser, as kramdown does; `katex`
   * renders it to HTML at build time (include KaTeX's stylesheet); `false` leaves
   * the dollars as text.
   */
  math?: 'mathjax' | 'katex' | false | undefined;
  /** kramdown-style footnote markup (`#fn:1`, `#fnref:1`) so old anchors keep working; default `true`. */
  kramdownFootnotes?: boolean | undefined;
  /** Add a link to each heading, after its text, for readers to copy; default `false`. */
  headingAnchors?: boolean | undefined;
  /**
   * Feed mode: render for feed readers, whose items have no base URL, run no
   * script and load no stylesheet. Every relative `href`, `src` and `srcset` is
   * made absolute against this URL (absolute ones are kept as written); code is
   * left unhighlighted (`<pre><code class="language-x">`); `script`, `style`,
   * event attributes and styles with functions (`var(…)`) are removed; an
   * `iframe`, `video`, `object` or `embed` becomes a link to its source, named
   * by its `title`. Default `undefined` (off: HTML for the site's pages).
   */
  baseUrl?: string | undefined;
  /**
   * Folder that site-relative image paths (`/assets/a.png`) resolve in, to add
   * `width` and `height`; default `undefined` (no sizes). Images always get
   * `loading="lazy"` and `decoding="async"`.
   */
  imageRoot?: string | undefined;
  /** Excerpt separator; default `<!--more-->`. */
  excerptSeparator?: string | undefined;
  /** Words read per minute, for `readingTime`; default 200. */
  wordsPerMinute?: number | undefined;
  /**
   * The Markdown parser: `satteri` (default), the native parser Astro 7 uses,
   * or `remark` (remark-parse with remark-gfm and remark-math, the reference
   * implementation). Both give the same tree; add micromark syntax extensions
   * only with `remark`.
   */
  parser?: 'satteri' | 'remark' | undefined;
  /**
   * Reproduce kramdown's output also where it is wrong for readers (see the README's table): a block-level
   * tag such as `<iframe>` inside a paragraph is printed as text, `\)` ends a link's destination, and display
   * math is bare `\[…\]` text with no element around it; default `false`.
   */
  kramdownExact?: boolean | undefined;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  allowDangerousHtml: boolean;
  sanitize: boolean;
  smartypants: boolean;
  highlight: { engine: 'shiki'; themes: ShikiThemes } | { engine: 'prism' } | false;
  math: 'mathjax' | 'katex' | false;
  kramdownFootnotes: boolean;
  headingAnchors: boolean;
  baseUrl: string | undefined;
  imageRoot: string | undefined;
  excerptSeparator: string;
  wordsPerMinute: number;
  parser: 'satteri' | 'remark';
  kramdownExact: boolean;
}

/** Fills in the defaults. */
export function resolveOptions(options: Options = {}): ResolvedOptions {
  return {
    allowDangerousHtml: options.allowDangerousHtml ?? true,
    sanitize: options.sanitize ?? false,
    smartypants: options.smartypants ?? true,
    highlight: resolveHighlight(options.highlight ?? {}),
    math: options.math ?? 'mathjax',
    kramdownFootnotes: options.kramdownFootnotes ?? true,
    headingAnchors: options.headingAnchors ?? false,
    baseUrl: options.baseUrl,
    imageRoot: options.imageRoot,
    excerptSeparator: options.excerptSeparator ?? '<!--more-->',
    wordsPerMinute: options.wordsPerMinute ?? 200,
    parser: options.parser ?? 'satteri',
    kramdownExact: options.kramdownExact ?? false,
  };
}

function resolveHighlight(highlight: HighlightOptions | false): ResolvedOptions['highlight'] {
  if (highlight === false) return false;
  const engine = highlight.engine ?? 'shiki';
  if (engine === 'prism') {
    if (highlight.themes !== undefined) {
      throw new TypeError(
        "highlight.themes: Shiki themes do not apply to `engine: 'prism'`; Prism's tokens are coloured by CSS",
      );
    }
    return { engine };
  }
  if (engine !== 'shiki') {
    throw new TypeError(`highlight.engine: expected \`'shiki'\` or \`'prism'\`, got ${JSON.stringify(engine)}`);
  }
  return { engine, themes: highlight.themes ?? 'css-variables' };
}
