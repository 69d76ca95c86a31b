/**
 * Gives each GFM task-list checkbox an accessible name, the text of its
 * item, so screen readers say what is done (axe: every form control needs a
 * label). kramdown's checkboxes had none either; this fixes it. As in
 * kramdown, the item's text follows the checkbox with no space between.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { walk } from './walk.js';

export default function rehypeTaskLists() {
  return (tree: Root): void => {
    walk<Element>(tree, (item) => {
      if (item.type !== 'element' || item.tagName !== 'li') return;
      const classes = item.properties.className;
      if (!Array.isArray(classes) || !classes.includes('task-list-item')) return;
      walk<Element>(item, (input, index, parent) => {
        if (input.type !== 'element' || input.tagName !== 'input' || input.properties.type !== 'checkbox') return;
        input.properties.ariaLabel ??= toString(item).trim().replace(/\s+/g, ' ');
        const next = parent.children[index + 1];
        if (next?.type === 'text')
          (next as unknown as { value: string }).value = (next as unknown as { value: string }).value.replace(/^ /, '');
      });
    });
  };
}
