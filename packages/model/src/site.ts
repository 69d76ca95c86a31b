/**
 * The site: what `_config.yml` says, validated and normalised. Every key
 * of the file is also kept, as written, in `config` (Liquid's `site.*`).
 */
import { z } from 'zod';

const absoluteUrl = z
  .string()
  .trim()
  .refine((value) => value === '' || /^https?:\/\/[^/\s]+/.test(value), {
    message: 'expected an absolute http(s) URL such as `https://example.org`',
  })
  .transform((value) => value.replace(/\/+$/, ''));

const baseurl = z
  .string()
  .trim()
  .refine((value) => value === '' || value.startsWith('/'), {
    message: 'expected a path that starts with `/`, such as `/blog`, or nothing',
  })
  .transform((value) => value.replace(/\/+$/, ''));

const timezone = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: value });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'expected an IANA time zone such as `Europe/Madrid`' },
  );

const person = z.union([
  z.string().transform((name): { name?: string; email?: string; url?: string } => ({ name })),
  z.looseObject({
    name: z.string().optional(),
    email: z.string().optional(),
    url: z.string().optional(),
  }),
]);

const mastodonAccount = z.looseObject({
  username: z.string(),
  instance: z.string().optional(),
  server: z.string().optional(),
});

/** Built-in Jekyll permalink styles. */
export const permalinkStyles = ['date', 'pretty', 'ordinal', 'none', 'weekdate'] as const;

const collection = z.looseObject({
  output: z.boolean().default(false),
  permalink: z.string().optional(),
  sort_by: z.string().optional(),
});

/** Ruby's truth, which Jekyll's settings follow: everything but `nil` and `false` (`0` and `""` too). */
const rubyTrue = (value: unknown): boolean => value !== undefined && value !== null && value !== false;

/**
 * Jekyll's choice of highlighter (its kramdown converter's): `kramdown.syntax_highlighter` if set, else
 * CodeRay for the old `kramdown.enable_coderay`, else `highlighter`, else Rouge (for `false` or an empty
 * value too). kramdown highlights with Rouge or CodeRay only, and not at all when
 * `syntax_highlighter_opts.disable` is set.
 */
function highlighting(highlighter: unknown, kramdown: Record<string, unknown> | null | undefined): boolean {
  const options = kramdown?.syntax_highlighter_opts as Record<string, unknown> | null | undefined;
  if (rubyTrue(options?.disable)) return false;
  const fallback = rubyTrue(kramdown?.enable_coderay) ? 'coderay' : rubyTrue(highlighter) ? highlighter : 'rouge';
  const name = rubyTrue(kramdown?.syntax_highlighter) ? kramdown?.syntax_highlighter : fallback;
  return name === 'rouge' || name === 'coderay';
}

/**
 * Schema of `_config.yml` as Jekyll sites write it. Unknown keys pass
 * through. The output is the normalised {@link Site}.
 */
export const siteConfigSchema = z
  .looseObject({
    title: z.string().default(''),
    description: z.string().default(''),
    url: absoluteUrl.default(''),
    baseurl: z.union([baseurl, z.null().transform(() => '')]).default(''),
    lang: z.string().optional(),
    language: z.string().optional(),
    locale: z.string().optional(),
    timezone: z.union([timezone, z.null()]).optional(),
    author: person.optional(),
    email: z.string().optional(),
    github_username: z.string().optional(),
    mastodon: z.union([mastodonAccount, z.array(mastodonAccount)]).optional(),
    mastodon_username: z.string().optional(),
    mastodon_server: z.string().optional(),
    license: z
      .union([
        z.string().transform((name) => ({ name })),
        z.looseObject({ name: z.string(), url: z.string().optional() }),
      ])
      .optional(),
    paginate: z
      .number()
      .int()
      .positive({ message: 'expected a whole number of posts per page, such as 14' })
      .optional(),
    paginate_path: z
      .string()
      .refine((value) => value.includes(':num'), { message: 'expected a path with `:num`, such as `/page:num/`' })
      .default('/page:num/'),
    excerpt_separator: z.string().optional(),
    highlighter: z.unknown().optional(),
    kramdown: z
      .union([z.looseObject({ syntax_highlighter_opts: z.looseObject({}).nullable().optional() }), z.null()])
      .optional(),
    permalink: z.string().default('date'),
    future: z.boolean().default(false),
    show_drafts: z.boolean().default(false),
    collections: z.union([z.record(z.string(), collection.nullable()), z.array(z.string())]).optional(),
  })
  .transform((raw) => {
    const author = raw.author ?? {};
    const mastodonRaw = Array.isArray(raw.mastodon) ? raw.mastodon[0] : raw.mastodon;
    const mastodonServer = mastodonRaw?.instance ?? mastodonRaw?.server ?? raw.mastodon_server;
    const mastodonUser = mastodonRaw?.username ?? raw.mastodon_username;
    const collections: Record<string, SiteCollection> = {};
    if (Array.isArray(raw.collections)) {
      for (const name of raw.collections) collections[name] = { output: false };
    } else if (raw.collections) {
      for (const [name, value] of Object.entries(raw.collections)) {
        collections[name] = { output: value?.output ?? false, permalink: value?.permalink, sortBy: value?.sort_by };
      }
    }
    const site: Site = {
      title: raw.title,
      description: raw.description,
      url: raw.url,
      baseurl: raw.baseurl,
      language: raw.language ?? raw.lang ?? raw.locale?.replace('_', '-') ?? 'en',
      timezone: raw.timezone ?? undefined,
      author: {
        name: author.name ?? raw.title,
        email: author.email ?? raw.email,
        url: author.url,
      },
      social: {
        github: raw.github_username,
        mastodon:
          mastodonUser && mastodonServer
            ? {
                username: mastodonUser.replace(/^@/, ''),
                server: mastodonServer.replace(/^https?:\/\//, '').replace(/\/+$/, ''),
              }
            : undefined,
      },
      license: raw.license,
      paginate: raw.paginate,
      paginatePath: raw.paginate_path,
      excerptSeparator: raw.excerpt_separator ?? '<!--more-->',
      highlighting: highlighting(raw.highlighter, raw.kramdown),
      permalink: raw.permalink,
      future: raw.future,
      showDrafts: raw.show_drafts,
      collections,
      config: raw,
    };
    return site;
  });

/** A collection declared in `_config.yml`. */
export interface SiteCollection {
  /** Whether its documents get pages (`output: true`). */
  output: boolean;
  /** Permalink pattern of its documents; Jekyll's default is `/:collection/:path:output_ext`. */
  permalink?: string | undefined;
  /** Front-matter key its documents are ordered by (`sort_by`); by date, then path, when unset. */
  sortBy?: string | undefined;
}

/** The normalised site configuration. */
export interface Site {
  title: string;
  description: string;
  /** Absolute origin, no trailing slash (`https://example.org`); empty when unset. */
  url: string;
  /** Path prefix, no trailing slash (`/blog`); empty for the root. */
  baseurl: string;
  /** BCP 47 language tag; from `language`, `lang` or `locale`; default `en`. */
  language: string;
  /** IANA time zone used for dates in URLs; `undefined` means UTC, as on GitHub Pages. */
  timezone?: string | undefined;
  author: { name: string; email?: string | undefined; url?: string | undefined };
  social: {
    github?: string | undefined;
    mastodon?: { username: string; server: string } | undefined;
  };
  license?: { name: string; url?: string | undefined } | undefined;
  /** Posts per page on the home page; `undefined` means no pagination. */
  paginate?: number | undefined;
  /** Path of page N ≥ 2, with `:num`; default `/page:num/`. */
  paginatePath: string;
  /** Separator that ends a post's excerpt; default `<!--more-->`. */
  excerptSeparator: string;
  /**
   * Whether Jekyll highlights code blocks: `highlighter` (default `rouge`), unless `kramdown.syntax_highlighter`
   * names another, is `rouge` or `coderay`, and `kramdown.syntax_highlighter_opts.disable` is not `true`. Any
   * other name (`none`, or a client-side highlighter's) leaves code plain, as Jekyll does.
   */
  highlighting: boolean;
  /** Permalink style (`date`, `pretty`, `ordinal`, `none`, `weekdate`) or pattern; default `date`. */
  permalink: string;
  /** Whether posts dated in the future are published; default `false`. */
  future: boolean;
  /** Whether `_drafts/` is read; default `false`. */
  showDrafts: boolean;
  collections: Record<string, SiteCollection>;
  /** Every key of `_config.yml` as written, for Liquid's `site.*`. */
  config: Record<string, unknown>;
}

/** What `siteConfigSchema` accepts: the keys of `_config.yml`. */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
