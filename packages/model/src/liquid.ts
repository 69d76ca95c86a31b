/**
 * Liquid inside posts and pages, rendered before Markdown as Jekyll does,
 * with liquidjs: Jekyll's include syntax, its tags (`post_url`, `link`,
 * `highlight`) and the filters blogs use.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import {
  Liquid,
  Tag,
  type Context,
  type Emitter,
  type FilterImplOptions,
  type Parser,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs';
import { parseSourceDate, toRfc822, toXmlSchema, wallTimeToDate } from './date.js';
import type { Site } from './site.js';
import { smartify } from './typography.js';

type FilterHandler = Extract<FilterImplOptions, (...args: never[]) => unknown>;
import { isAbsoluteUrl } from './url.js';

/** What the Liquid tags look documents up in. */
export interface LiquidSiteIndex {
  /** Post permalink by file name without extension (`2023-12-14-opentofu`), for `post_url`. */
  postsByName: Map<string, string>;
  /** Document permalink by source path (`_posts/2023-12-14-opentofu.md`, `about.md`), for `link`. */
  documentsByPath: Map<string, string>;
}

/** Thrown by our tags for a reference that does not resolve; carries the tag's token for its line. */
class TagReferenceError extends Error {
  constructor(
    message: string,
    readonly token: TagToken,
  ) {
    super(message);
  }
}

function fence(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${code.replace(/^\n/, '').replace(/\n?$/, '\n')}${marks}`;
}

/** Ruby's `CGI.escapeHTML`, Jekyll's `h`: the HTML of `{% highlight %}` on a site that leaves code plain. */
const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Jekyll's `relative_url` and `absolute_url`: site paths get `baseurl` (and `url`); absolute URLs are left alone. */
function registerUrlFilters(engine: Liquid, site: Site): void {
  const relativeUrl = (input: unknown): string => {
    const path = String(input ?? '');
    if (isAbsoluteUrl(path)) return path;
    return `${site.baseurl}/${path.replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/') || '/';
  };
  engine.registerFilter('relative_url', relativeUrl);
  engine.registerFilter('absolute_url', (input: unknown) => {
    const path = String(input ?? '');
    if (isAbsoluteUrl(path)) return path;
    return `${site.url}${relativeUrl(path)}`;
  });
}

/**
 * Jekyll's `date_to_xmlschema` and `date_to_rfc822`, in the site's time zone; a value that is no date is kept.
 * `'now'` and `'today'` mean the build time (`site.time`) in every date filter, Liquid's own `date` included:
 * pinned by `SOURCE_DATE_EPOCH`, a build gives the same output whenever it runs.
 */
function registerDateFilters(engine: Liquid, site: Site, now: Date): void {
  const builtin = engine.filters.date;
  const liquidDate = typeof builtin === 'function' ? builtin : builtin?.handler;
  if (!liquidDate) throw new Error('liquidjs has no `date` filter');
  // A date written with an offset keeps it, as Ruby's `Time.parse` does (liquidjs's `preserveTimezones`);
  // one written without is a wall time in the site's zone, as Jekyll reads it (liquidjs would read UTC, or
  // the machine's zone).
  engine.registerFilter('date', function (this: ThisParameterType<FilterHandler>, input: unknown, ...rest: unknown[]) {
    const value = input === 'now' || input === 'today' ? now : input;
    return liquidDate.call(this, (typeof value === 'string' && wallTime(value, site)) || value, ...rest) as unknown;
  });
  const asDate = (input: unknown): Date | undefined => {
    if (input instanceof Date) return input;
    if (input === 'now' || input === 'today') return now;
    const text = String(input);
    const date = wallTime(text, site) ?? new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
  };
  engine.registerFilter('date_to_xmlschema', (input: unknown) => {
    const date = asDate(input);
    return date ? toXmlSchema(date, site.timezone) : input;
  });
  engine.registerFilter('date_to_rfc822', (input: unknown) => {
    const date = asDate(input);
    return date ? toRfc822(date, site.timezone) : input;
  });
}

/** A zone or offset written in a date: `Z`, `+02:00`, `-0500`, `UTC`, `GMT`, `EST`. */
const writtenZone = /\d(?:Z|[+-]\d\d(?::?\d\d)?)\s*$|\b(?:UTC|GMT|UT|[ECMP][SD]T|Z)\b/i;

/**
 * A date written as text without a zone (`2024-02-29 10:00`, `March 14, 2016`), as the wall time it is in the
 * site's zone; `undefined` for one with a zone, a number of seconds, or no date. JavaScript reads such text
 * in the machine's zone: its wall time, read back in that zone, is moved to the site's.
 */
function wallTime(text: string, site: Site): Date | undefined {
  const parsed = parseSourceDate(text, site.timezone);
  if (parsed) return parsed.offset === undefined ? parsed.date : undefined;
  if (/^\s*\d+\s*$/.test(text) || writtenZone.test(text)) return undefined;
  const local = new Date(text);
  if (Number.isNaN(local.getTime())) return undefined;
  return wallTimeToDate(
    local.getFullYear(),
    local.getMonth() + 1,
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    local.getMilliseconds(),
    site.timezone,
  );
}

/**
 * Liquid's (Ruby's) `escape`, `h` and `escape_once`, and Jekyll's `xml_escape` and `smartify`, with their entities:
 * liquidjs writes `&#34;` where they write `&quot;`, and `&#39;` where `xml_escape` writes `&apos;`.
 */
function registerEscapeFilters(engine: Liquid): void {
  const text = (input: unknown): string => (input === undefined || input === null ? '' : String(input));
  const escape = (input: unknown): string => escapeHtml(text(input));
  engine.registerFilter('escape', escape);
  engine.registerFilter('h', escape);
  // Liquid 4's `escape_once`: an entity already written (`&amp;`, `&#38;`) is left as it is.
  const once: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  engine.registerFilter('escape_once', (input: unknown) =>
    text(input).replace(/["><']|&(?!(?:[a-zA-Z]+|#\d+);)/g, (character) => once[character]!),
  );
  const xml: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
  // Jekyll's `smartify`: kramdown's quotes and dashes, the text's `&`, `<` and `>` escaped, tags kept.
  engine.registerFilter('smartify', (input: unknown) => smartify(text(input)));
  engine.registerFilter('xml_escape', (input: unknown) =>
    text(input).replace(/[&<>"']/g, (character) => xml[character]!),
  );
}

/**
 * Liquid's `divided_by`: two integers divide as in Ruby, rounded down (`10 | divided_by: 3` is 3, `-7 |
 * divided_by: 2` is -4); a float on either side gives a float. JavaScript has one type of number, so an
 * operand is taken for a float when it is not whole, or when its tag or output writes a float literal
 * (`10.0 | divided_by: 4`; `words | times: 1.0 | divided_by: 200`, Liquid's way of asking for a fraction).
 */
function registerDivision(engine: Liquid): void {
  const builtin = engine.filters.divided_by;
  const divide = typeof builtin === 'function' ? builtin : builtin?.handler;
  if (!divide) throw new Error('liquidjs has no `divided_by` filter');
  engine.registerFilter(
    'divided_by',
    function (this: ThisParameterType<FilterHandler>, dividend: unknown, divisor: unknown) {
      const { input, begin, end } = this.token;
      const start = Math.max(input.lastIndexOf('{{', begin), input.lastIndexOf('{%', begin), 0);
      const integers =
        Number.isInteger(Number(dividend)) &&
        Number.isInteger(Number(divisor)) &&
        !/\d\.\d/.test(input.slice(start, end));
      return divide.call(this, dividend, divisor, integers) as unknown;
    },
  );
}

/** A tag writing the URL its one argument resolves to; one that does not resolve is an error at the tag. */
function referenceTag(name: string, resolve: (argument: string) => string | undefined, expected: string) {
  return class extends Tag {
    private readonly argument: string;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.argument = token.args.trim();
    }
    render(_ctx: Context, emitter: Emitter): void {
      const url = resolve(this.argument);
      if (url === undefined) {
        throw new TagReferenceError(`\`{% ${name} ${this.argument} %}\`: ${expected}`, this.token);
      }
      emitter.write(url);
    }
  };
}

/** A permalink below the site's `baseurl`, as Jekyll 4's `post_url` and `link` give it. */
const withBase = (baseurl: string, permalink: string | undefined): string | undefined =>
  permalink === undefined ? undefined : `${baseurl}${permalink}`;

/** Jekyll's `post_url` and `link`. */
function registerReferenceTags(engine: Liquid, index: LiquidSiteIndex, baseurl: string): void {
  engine.registerTag(
    'post_url',
    referenceTag(
      'post_url',
      (argument) =>
        withBase(baseurl, index.postsByName.get(argument.replace(/^.*\//, '').replace(/\.(md|markdown|html)$/, ''))),
      'expected the file name of a post in `_posts/` without extension, such as `2023-12-14-opentofu`',
    ),
  );
  engine.registerTag(
    'link',
    referenceTag(
      'link',
      (argument) =>
        withBase(baseurl, index.documentsByPath.get(argument.replace(/^\/+/, '').replace(/^['"]|['"]$/g, ''))),
      'expected the path of a post, page or document from the site folder, such as `_posts/2023-12-14-opentofu.md`',
    ),
  );
}

/**
 * The markup of Jekyll's `{% highlight %}`: a language of letters, digits and `.+#_-`, then options
 * (`linenos`, `key=value`, `key="1 2"`); anything else fails the build, as in Jekyll.
 */
const highlightMarkup = /^([a-zA-Z0-9.+#_-]+)((?:\s+\w+(?:=(?:\w+|"(?:[0-9]+\s)*[0-9]+"))?)*)$/;

/** Line ends at the start and end of a `{% highlight %}` block's code, which Jekyll removes. */
const outerLineEnds = /^[\r\n]+|[\r\n]+$/g;

/** Ruby's whitespace for `String#strip` (not JavaScript's `trim`, which also removes Unicode spaces). */
const rubyStrip = /^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g;

/**
 * What Jekyll warns about and renders anyway, said by a tag as it renders. The tags push them to the
 * `__warnings` list of the render's context, when it has one.
 */
export interface LiquidWarning {
  /** The text the tag is in: the document's, or an include's. */
  text: string;
  /** The tag's line in `text`. */
  line: number;
  message: string;
}

/**
 * Jekyll's `{% highlight lang %}`. Jekyll's tag follows the site's `highlighter` alone, not kramdown's
 * settings: Rouge (the default, or `pygments`, which Jekyll 4 renders with Rouge) colours the code; any other
 * name, `false` included, leaves it plain. Highlighted, it is a fenced code block in Markdown, with `figure`
 * (or `linenos`) after the language: `@blog/markdown` colours it and writes Jekyll's wrapper around it.
 * Plain, and in HTML documents, it is Jekyll's own HTML: `figure.highlight > pre > code`, the language in
 * lower case (its `+` as `-` in the class), the code escaped as Ruby's `CGI.escapeHTML` does and, when
 * plain, stripped of outer whitespace. In an HTML document on a highlighting site, the code element is
 * marked `data-figure` (or `data-linenos`), as the fence's is by `@blog/markdown`, which colours it.
 */
function highlightTag(site: Site) {
  // An empty `highlighter:` is Jekyll's default, `rouge`; `false` is not.
  const highlighter = site.config.highlighter ?? 'rouge';
  const highlighted = highlighter === 'rouge' || highlighter === 'pygments';
  return class HighlightTag extends Tag {
    private readonly language: string;
    private readonly linenos: boolean;
    private readonly templates: Template[] = [];
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remain, liquid);
      const markup = highlightMarkup.exec(token.args.trim());
      if (!markup) {
        throw new Error(
          `tag ${token.getText()}: expected \`{% highlight <language> [linenos] %}\`, a language of letters, digits and \`.+#_-\``,
        );
      }
      this.language = markup[1]!.toLowerCase();
      // Jekyll's `linenos` (line numbers in a table): the Markdown pipeline reads it from the fence.
      this.linenos = /(?:^|\s)linenos(?:[\s=]|$)/.test(markup[2]!);
      while (remain.length > 0) {
        const next = remain.shift() as TopLevelToken;
        if ((next as TagToken).name === 'endhighlight') return;
        this.templates.push(parser.parseToken(next, remain));
      }
      throw new Error(`tag ${token.getText()} not closed: expected \`{% endhighlight %}\``);
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      // Jekyll 4 renders `pygments` with Rouge, and warns each time a tag is rendered.
      if (highlighter === 'pygments') {
        (ctx.getSync(['__warnings']) as LiquidWarning[] | undefined)?.push({
          text: this.token.input,
          line: this.token.getPosition()[0]!,
          message:
            `\`{% highlight ${this.language} %}\`: Highlight Tag no longer supports rendering with Pygments. ` +
            'Using the default highlighter, Rouge, instead.',
        });
      }
      const rendered = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
      const code = rendered.replace(outerLineEnds, '');
      if (highlighted && ctx.getSync(['__format']) === 'markdown') {
        emitter.write(fence(code, `${this.language} ${this.linenos ? 'linenos' : 'figure'}`));
        return;
      }
      // In an HTML document on a Rouge site, the code is marked as a fence's would be (`data-figure` or
      // `data-linenos`): `@blog/markdown` colours it and writes the same wrapper as for Markdown.
      const html = highlighted ? escapeHtml(code) : escapeHtml(code).replace(rubyStrip, '');
      const mark = highlighted ? (this.linenos ? ' data-linenos=""' : ' data-figure=""') : '';
      emitter.write(
        `<figure class="highlight"><pre><code class="language-${this.language.replace(/\+/g, '-')}" data-lang="${this.language}"${mark}>${html}</code></pre></figure>`,
      );
    }
  };
}

/**
 * Jekyll's `{% include_relative file %}`: a file relative to the document's folder (`__dir` in the
 * context), rendered with the document's variables; never a file outside the site.
 */
function includeRelativeTag(root: string) {
  return class extends Tag {
    private readonly file: string;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.file = token.args.trim().split(/\s+/)[0] ?? '';
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const path = posix.normalize(posix.join(String(ctx.getSync(['__dir']) ?? ''), this.file));
      let text: string | undefined;
      if (!path.startsWith('../') && !posix.isAbsolute(path)) {
        try {
          text = readFileSync(join(root, path), 'utf8');
        } catch {
          text = undefined;
        }
      }
      if (text === undefined) {
        throw new TagReferenceError(
          `\`{% include_relative ${this.file} %}\`: expected a file relative to the document's folder, \`${path}\` is not one`,
          this.token,
        );
      }
      yield this.liquid.renderer.renderTemplates(this.liquid.parse(text), ctx, emitter);
    }
  };
}

/**
 * Creates the Liquid engine for one blog.
 *
 * @param root Site folder; `{% include %}` reads `_includes/` below it.
 * @param site The site, for `relative_url`, `absolute_url` and dates.
 * @param index Documents by name and path, for `post_url` and `link`.
 * @param now The build time (`site.time`): what `'now'` and `'today'` mean to the date filters.
 */
export function createLiquid(root: string, site: Site, index: LiquidSiteIndex, now: Date): Liquid {
  const engine = new Liquid({
    root: [join(root, '_includes')],
    partials: [join(root, '_includes')],
    extname: '',
    jekyllInclude: true,
    jekyllWhere: true,
    dynamicPartials: false,
    strictFilters: false,
    strictVariables: false,
    timezoneOffset: site.timezone ?? 'UTC',
    preserveTimezones: true,
    cache: true,
  });
  registerUrlFilters(engine, site);
  registerDateFilters(engine, site, now);
  registerEscapeFilters(engine);
  registerDivision(engine);
  registerReferenceTags(engine, index, site.baseurl);
  // Liquid's `size` of a hash (`site.tags | size`) is its number of keys.
  engine.registerFilter('size', (input: unknown) =>
    input !== null && typeof input === 'object' && !Array.isArray(input)
      ? Object.keys(input).length
      : ((input as { length?: number } | null | undefined)?.length ?? 0),
  );
  engine.registerTag('highlight', highlightTag(site));
  engine.registerTag('include_relative', includeRelativeTag(root));
  return engine;
}

/** Whether a text has Liquid markup at all; most posts do not, and skip the engine. */
export function hasLiquid(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}
