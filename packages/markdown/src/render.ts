import { createProcessor, type Options } from './processor.js';

/** What rendering one document gives. */
export interface RenderResult {
  /** The document as HTML. */
  html: string;
}

/**
 * Renders Markdown to HTML with a processor made by {@link createProcessor}.
 *
 * @param source Markdown text.
 * @param options Processor options, used when no `processor` is given.
 */
export async function render(
  source: string,
  options: Options & { processor?: ReturnType<typeof createProcessor> } = {},
): Promise<RenderResult> {
  const processor = options.processor ?? createProcessor(options);
  const file = await processor.process(source);
  return { html: String(file) };
}
