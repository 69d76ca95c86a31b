/**
 * The unified processor: remark-parse (CommonMark) + GFM, then
 * remark-rehype and rehype-stringify. Raw HTML in the source is the
 * author's and is kept (`allowDangerousHtml`), as Jekyll keeps it.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';

/** Options of the processor. */
export interface Options {
  /** Keep raw HTML written in the Markdown; default `true` (trusted authors). */
  allowDangerousHtml?: boolean | undefined;
}

/**
 * Creates the Markdown-to-HTML processor. Create it once and reuse it:
 * building a processor is far more costly than running it.
 */
export function createProcessor(options: Options = {}): Processor<never, never, never, never, string> {
  const allowDangerousHtml = options.allowDangerousHtml ?? true;
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml })
    .use(rehypeStringify, { allowDangerousHtml }) as unknown as Processor<never, never, never, never, string>;
}
