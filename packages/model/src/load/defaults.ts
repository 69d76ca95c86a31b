/**
 * Phase: front-matter defaults. Jekyll merges the `defaults` of
 * `_config.yml` scoped by path and type under each document's own front
 * matter before anything reads it; every reading phase calls
 * {@link applyDefaults} on the raw front matter, before it is validated.
 * Defaults are not supported yet: the front matter is returned as written.
 */
import type { LoadState, SourceType } from './state.js';

/** The front matter of `file` (of Jekyll type `type`) with the site's defaults applied. */
export function applyDefaults(
  _state: LoadState,
  _file: string,
  _type: SourceType,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return data;
}
