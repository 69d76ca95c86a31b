/**
 * Plugins that only some options use, loaded when first needed rather than
 * when the package is imported: remark-parse with GFM and math (the
 * `parser: 'remark'` alternative to satteri) and rehype-katex (`math:
 * 'katex'`). Their modules take about a third of the package's import time
 * (0.3 of 0.55 s here), which every process and render worker of a build
 * would pay for nothing. `render` loads the ones its options need with
 * `import()`; `createProcessor`, which is synchronous, with `require()`.
 */
import { createRequire } from 'node:module';
import type rehypeKatex from 'rehype-katex';
import type remarkGfm from 'remark-gfm';
import type remarkMath from 'remark-math';
import type remarkParse from 'remark-parse';
import type { ResolvedOptions } from './options.js';

interface OptionalPlugins {
  'remark-parse': typeof remarkParse;
  'remark-gfm': typeof remarkGfm;
  'remark-math': typeof remarkMath;
  'rehype-katex': typeof rehypeKatex;
}

type Name = keyof OptionalPlugins;

const loaded = new Map<Name, unknown>();
const require = createRequire(import.meta.url);

/** The plugins these options need. */
function needed(options: ResolvedOptions): Name[] {
  const names: Name[] = [];
  if (options.parser !== 'satteri') names.push('remark-parse', 'remark-gfm', 'remark-math');
  if (options.math === 'katex') names.push('rehype-katex');
  return names;
}

/** Loads the plugins these options need, once per process. */
export async function loadOptionalPlugins(options: ResolvedOptions): Promise<void> {
  for (const name of needed(options)) {
    if (!loaded.has(name)) loaded.set(name, ((await import(name)) as { default: unknown }).default);
  }
}

/** A plugin some options need: loaded already, or now. */
export function optionalPlugin<N extends Name>(name: N): OptionalPlugins[N] {
  if (!loaded.has(name)) loaded.set(name, (require(name) as { default: unknown }).default);
  return loaded.get(name) as OptionalPlugins[N];
}
