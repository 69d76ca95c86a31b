/**
 * Phase: front-matter defaults. Jekyll merges the `defaults` of
 * `_config.yml` under each document's own front matter before anything
 * reads it; every reading phase calls {@link applyDefaults} on the raw front
 * matter, before it is validated.
 *
 * A set applies when its `scope.type` (if any) is the document's type
 * (`posts` — drafts included —, `pages`, or a collection's name) and its
 * `scope.path` (if any) starts the document's path (a glob when it has `*`).
 * Sets are merged in order; a set with a longer path, or on an equal path
 * one with a type, overrides the sets before it (Jekyll's
 * `FrontmatterDefaults#all`). Mappings merge key by key; anything else is
 * replaced.
 */
import type { LoadState, SourceType } from './state.js';

/** One entry of `defaults`. */
export interface DefaultSet {
  scope?: { path?: unknown; type?: unknown } | undefined;
  values: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Jekyll's `Utils.deep_merge_hashes`: mappings merge key by key; any other value of `overwrite` replaces, unless null. */
export function deepMerge(
  target: Record<string, unknown>,
  overwrite: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(overwrite)) {
    const old = merged[key];
    if (value === null || value === undefined) {
      if (!(key in merged)) merged[key] = value;
    } else if (isRecord(old) && isRecord(value)) merged[key] = deepMerge(old, value);
    else merged[key] = value;
  }
  return merged;
}

/** A scope path as Jekyll compares it: without a leading slash. */
const sanitize = (path: unknown): string => (typeof path === 'string' ? path.replace(/^\/+/, '') : '');

/** A scope path with `*` (any name) or `**` (any depth) as a regular expression. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${source}(?:/|$)`);
}

function applies(scope: DefaultSet['scope'], path: string, type: string, collectionsDir: string): boolean {
  if (scope?.type !== undefined && scope.type !== null && String(scope.type) !== type) return false;
  let wanted = sanitize(scope?.path);
  if (wanted === '') return true;
  if (collectionsDir && wanted.startsWith(`${collectionsDir}/`)) wanted = wanted.slice(collectionsDir.length + 1);
  // Jekyll compares with `start_with?`: `docs` also covers `docs-old/`.
  return wanted.includes('*') ? globToRegExp(wanted).test(path) : path.startsWith(wanted);
}

function hasPrecedence(old: DefaultSet['scope'] | null, next: DefaultSet['scope']): boolean {
  if (old === null) return true;
  const newPath = sanitize(next?.path);
  const oldPath = sanitize(old?.path);
  if (newPath.length !== oldPath.length) return newPath.length >= oldPath.length;
  if (next?.type !== undefined) return true;
  return old?.type === undefined;
}

/**
 * The default values of one source.
 *
 * @param sets The site's `defaults`.
 * @param path The path Jekyll scopes by: relative to the site folder, or for a document of a collection
 *   (posts included) relative to `collections_dir`.
 * @param type `posts` (drafts too), `pages`, or the collection's name.
 * @param collectionsDir The site's `collections_dir`, `''` when unset.
 */
export function defaultsFor(
  sets: readonly DefaultSet[],
  path: string,
  type: string,
  collectionsDir = '',
): Record<string, unknown> {
  let values: Record<string, unknown> = {};
  let oldScope: DefaultSet['scope'] | null = null;
  for (const set of sets) {
    if (!applies(set.scope, path, type, collectionsDir)) continue;
    if (hasPrecedence(oldScope, set.scope)) {
      values = deepMerge(values, set.values);
      oldScope = set.scope;
    } else {
      values = deepMerge(set.values, values);
    }
  }
  return values;
}

/**
 * The valid sets of a `defaults` setting; each invalid one is a warning (Jekyll warns and ignores it).
 *
 * @param value `defaults` as `_config.yml` gives it.
 * @param file The configuration file, for the warnings.
 */
export function readDefaultSets(value: unknown, file: string): { sets: DefaultSet[]; warnings: LoadState['warnings'] } {
  const sets: DefaultSet[] = [];
  const warnings: LoadState['warnings'] = [];
  if (value === undefined || value === null) return { sets, warnings };
  if (!Array.isArray(value)) {
    warnings.push({ file, field: 'defaults', message: 'expected a list of `scope` and `values`; ignored' });
    return { sets, warnings };
  }
  value.forEach((set: unknown, i) => {
    if (
      isRecord(set) &&
      isRecord(set.values) &&
      (set.scope === undefined || set.scope === null || isRecord(set.scope))
    ) {
      const scope = isRecord(set.scope) ? { ...set.scope } : undefined;
      // Jekyll's deprecated singular types.
      if (scope && typeof scope.type === 'string')
        scope.type =
          ({ page: 'pages', post: 'posts', draft: 'drafts' } as Record<string, string>)[scope.type] ?? scope.type;
      sets.push({ scope, values: set.values });
    } else {
      warnings.push({
        file,
        field: `defaults[${i}]`,
        message: 'expected `values` (a mapping) and an optional `scope` with `path` and `type`; this set is ignored',
      });
    }
  });
  return { sets, warnings };
}

/** The path Jekyll scopes defaults by: for a collection's document, relative to `collections_dir`. */
function scopePath(state: LoadState, file: string, type: SourceType): string {
  const dir = state.collectionsDir;
  return type !== 'pages' && dir && file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : file;
}

/** The front matter of `file` (of Jekyll type `type`) with the site's defaults merged under it. */
export function applyDefaults(
  state: LoadState,
  file: string,
  type: SourceType,
  data: Record<string, unknown>,
): Record<string, unknown> {
  if (state.defaults.length === 0) return data;
  // Drafts are documents of the `posts` collection in Jekyll 4.
  const jekyllType = type === 'drafts' ? 'posts' : type;
  const defaults = defaultsFor(state.defaults, scopePath(state, file, type), jekyllType, state.collectionsDir);
  return deepMerge(defaults, data);
}
