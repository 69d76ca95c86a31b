/**
 * Slugs as Jekyll's `Utils.slugify` makes them. `default` mode replaces
 * runs of anything but letters and digits with `-`; `pretty` also keeps
 * `._~!$&'()+,;=@`. Both trim `-` at the ends and lowercase unless `cased`.
 */
export type SlugMode = 'default' | 'pretty' | 'raw';

export function slugify(value: string, mode: SlugMode = 'default', cased = false): string {
  let slug = value;
  if (mode === 'raw') slug = slug.replace(/\s+/g, '-');
  else if (mode === 'pretty') slug = slug.replace(/[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu, '-');
  else slug = slug.replace(/[^\p{M}\p{L}\p{Nd}]+/gu, '-');
  slug = slug.replace(/^-+|-+$/g, '');
  return cased ? slug : slug.toLowerCase();
}
