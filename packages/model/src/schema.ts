/**
 * zod schemas for front matter as blogs write it, and for the loaded post
 * and page (reusable as Astro content collection schemas).
 */
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** A list of names: a YAML list, a space-separated string as Jekyll allows, or a number. */
const nameList = z.union([
  z.string().transform((value) => value.split(/\s+/).filter(Boolean)),
  // `tags: 5`, `categories: 2024`: one name (Jekyll 4.3 drops the first and fails to read the file on the second).
  z.number().transform((value) => [String(value)]),
  z.array(scalar),
  z.null().transform((): string[] => []),
]);

const dateValue = z.union([z.string(), z.date()], {
  error: 'expected a date like `2023-12-14 17:00 +0200`, `2023-12-14 17:00` or `2023-12-14`',
});

/** Front matter of a post or page: the keys the model reads are checked, every other key is kept. */
export const frontMatterSchema = z.looseObject({
  title: scalar.optional(),
  date: dateValue.optional(),
  last_modified_at: dateValue.optional(),
  updated: dateValue.optional(),
  modified: dateValue.optional(),
  slug: scalar.optional(),
  permalink: z.string({ error: 'expected a URL path such as `/about/`' }).optional(),
  published: z.boolean({ error: 'expected `true` or `false`' }).optional(),
  tags: nameList.optional(),
  tag: scalar.optional(),
  categories: nameList.optional(),
  category: scalar.optional(),
  excerpt: z.string().optional(),
  excerpt_separator: z.string().optional(),
  redirect_from: z.union([z.string().transform((value) => [value]), z.array(z.string())]).optional(),
  redirect_to: z.union([z.string(), z.array(z.string()).transform((list) => list[0])]).optional(),
  render_with_liquid: z.boolean().optional(),
});

/** Front matter after validation. */
export type FrontMatter = z.output<typeof frontMatterSchema>;

const documentShape = {
  collection: z.string(),
  sourcePath: z.string(),
  slug: z.string(),
  title: z.string(),
  permalink: z.string(),
  url: z.string(),
  outputPath: z.string(),
  format: z.enum(['markdown', 'html', 'other']),
  body: z.string(),
  bodyLine: z.number().int(),
  date: z.coerce.date().optional(),
  data: z.record(z.string(), z.unknown()),
  redirectTo: z.string().optional(),
};

/** Any loaded document ({@link Document}), such as one of an output collection. */
export const documentSchema = z.object(documentShape);

/** A loaded post ({@link Post}), for an Astro content collection's `schema`. */
export const postSchema = z.object({
  ...documentShape,
  date: z.coerce.date(),
  dateOffset: z.number().int().optional(),
  updated: z.coerce.date().optional(),
  tags: z.array(z.string()),
  categories: z.array(z.string()),
  draft: z.boolean(),
  excerpt: z.string(),
  hasMore: z.boolean(),
});

/** A loaded page ({@link Page}), for an Astro content collection's `schema`. */
export const pageSchema = z.object({ ...documentShape, nav: z.boolean() });
