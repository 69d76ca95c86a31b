/**
 * satteri, the native Markdown parser Astro 7 uses, as the processor's
 * parser: it returns standard mdast (CommonMark, GFM and kramdown's `$$`
 * math), so every remark plugin after it works unchanged, at a fraction of
 * remark-parse's cost.
 */
import type { Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import type { Processor } from 'unified';

/** Options: whether to read `$$…$$` math. */
export default function parseSatteri(this: Processor, options: { math: boolean }) {
  const features = {
    gfm: true,
    // Front matter was taken off by the content loader; a body that starts with `---` is a thematic break.
    frontmatter: false,
    math: options.math ? { singleDollarTextMath: false } : false,
  };
  this.parser = (document: string) => markdownToMdast(document, { features }) as unknown as Root;
}
