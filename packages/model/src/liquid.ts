/**
 * Liquid inside posts and pages, rendered before Markdown as Jekyll does,
 * with liquidjs: Jekyll's include syntax, its tags (`post_url`, `link`,
 * `highlight`) and the filters blogs use.
 */
import { join } from 'node:path';
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
import { toRfc822, toXmlSchema } from './date.js';
import type { Site } from './site.js';

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

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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
  engine.registerFilter('date', function (this: ThisParameterType<FilterHandler>, input: unknown, ...rest: unknown[]) {
    return liquidDate.call(this, input === 'now' || input === 'today' ? now : input, ...rest) as unknown;
  });
  const asDate = (input: unknown): Date | undefined => {
    if (input instanceof Date) return input;
    if (input === 'now' || input === 'today') return now;
    const date = new Date(String(input));
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

/** Jekyll's `post_url` and `link`. */
function registerReferenceTags(engine: Liquid, index: LiquidSiteIndex): void {
  engine.registerTag(
    'post_url',
    referenceTag(
      'post_url',
      (argument) => index.postsByName.get(argument.replace(/^.*\//, '').replace(/\.(md|markdown|html)$/, '')),
      'expected the file name of a post in `_posts/` without extension, such as `2023-12-14-opentofu`',
    ),
  );
  engine.registerTag(
    'link',
    referenceTag(
      'link',
      (argument) => index.documentsByPath.get(argument.replace(/^\/+/, '').replace(/^['"]|['"]$/g, '')),
      'expected the path of a post, page or document from the site folder, such as `_posts/2023-12-14-opentofu.md`',
    ),
  );
}

/** Jekyll's `{% highlight lang %}`: a fenced code block in Markdown (highlighted later), Jekyll's `<figure class="highlight">` in HTML. */
class HighlightTag extends Tag {
  private readonly language: string;
  private readonly templates: Template[] = [];
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    this.language = token.args.trim().split(/\s+/)[0] ?? '';
    while (remain.length > 0) {
      const next = remain.shift() as TopLevelToken;
      if ((next as TagToken).name === 'endhighlight') return;
      this.templates.push(parser.parseToken(next, remain));
    }
    throw new Error(`tag ${token.getText()} not closed: expected \`{% endhighlight %}\``);
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const code = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    const format = ctx.getSync(['__format']);
    if (format === 'markdown') {
      emitter.write(fence(code, this.language));
    } else {
      const language = escapeHtml(this.language);
      emitter.write(
        `<figure class="highlight"><pre><code class="language-${language}" data-lang="${language}">${escapeHtml(code.replace(/^\n/, ''))}</code></pre></figure>`,
      );
    }
  }
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
    preserveTimezones: false,
    cache: true,
  });
  registerUrlFilters(engine, site);
  registerDateFilters(engine, site, now);
  registerReferenceTags(engine, index);
  engine.registerTag('highlight', HighlightTag);
  return engine;
}

/** Whether a text has Liquid markup at all; most posts do not, and skip the engine. */
export function hasLiquid(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}
