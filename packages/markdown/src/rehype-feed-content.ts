/**
 * Makes a post's HTML fit for feed readers (feed mode, `baseUrl` set): readers
 * run no script, load no stylesheet and drop embedded frames, and the W3C Feed
 * Validator warns about each. So:
 *
 * - `script`, `style`, `template`, `link`, `meta` and `base` elements go;
 * - an `iframe`, `video`, `object` or `embed` becomes a paragraph with a link to
 *   its source, named by its `title` (or `aria-label`), so the reader can open it;
 * - event attributes (`onclick`…) go, and so does a `style` attribute holding
 *   anything but plain declarations (`var(…)`, `url(…)`, `expression(…)`…);
 * - everything else is kept as it is.
 *
 * Code is not highlighted in feed mode (see `processor.ts`): readers get
 * `<pre><code class="language-x">`, the form every reader shows well.
 */
import type { Element, ElementContent, Root } from 'hast';
import { walk } from './walk.js';

const dropped = new Set(['script', 'style', 'template', 'link', 'meta', 'base']);
const embedded = new Set(['iframe', 'video', 'object', 'embed']);

/** Plain declarations only: `prop: value` pairs whose values have no function, quote or escape. */
const plainStyle = /^\s*([-a-z]+\s*:\s*[-#%.,\w\s]*(;\s*|$))*$/i;

/** What an embed shows: its `src`, `data` (object), or first `<source src>` (video). */
function sourceOf(node: Element): string | undefined {
  const properties: Record<string, unknown> = node.properties;
  for (const name of ['src', 'data']) {
    if (typeof properties[name] === 'string' && properties[name] !== '') return properties[name];
  }
  for (const child of node.children) {
    if (child.type === 'element' && child.tagName === 'source' && typeof child.properties.src === 'string') {
      return child.properties.src;
    }
  }
  return undefined;
}

function linkTo(node: Element): ElementContent | undefined {
  const href = sourceOf(node);
  if (!href) return undefined;
  const { title, ariaLabel } = node.properties;
  const name =
    (typeof title === 'string' && title.trim()) ||
    (typeof ariaLabel === 'string' && ariaLabel.trim()) ||
    (node.tagName === 'video' ? 'Video' : 'Embedded content');
  return {
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [{ type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: name }] }],
  };
}

export default function rehypeFeedContent() {
  return (tree: Root): void => {
    walk<Element>(tree, (node, index, parent) => {
      if (node.type !== 'element' || !parent || index === undefined) return undefined;
      if (dropped.has(node.tagName) || embedded.has(node.tagName)) {
        const link = dropped.has(node.tagName) ? undefined : linkTo(node);
        parent.children.splice(index, 1, ...(link ? [link] : []));
        // Visit the node now at this index next (the one after the removed element, or none).
        return link ? false : index;
      }
      const properties: Record<string, unknown> = node.properties;
      for (const name of Object.keys(properties)) {
        if (/^on/i.test(name)) delete properties[name];
      }
      if (typeof properties.style === 'string' && !plainStyle.test(properties.style)) delete properties.style;
      return undefined;
    });
  };
}
