/**
 * Gives each GFM task-list checkbox an accessible name, the text of its
 * item, so screen readers say what is done (axe: every form control needs a
 * label). kramdown's checkboxes had none either; this fixes it.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export default function rehypeTaskLists() {
  return (tree: Root): void => {
    visit(tree, 'element', (item: Element) => {
      if (item.tagName !== 'li') return;
      const classes = item.properties.className;
      if (!Array.isArray(classes) || !classes.includes('task-list-item')) return;
      visit(item, 'element', (input: Element) => {
        if (input.tagName !== 'input' || input.properties.type !== 'checkbox') return;
        input.properties.ariaLabel ??= toString(item).trim().replace(/\s+/g, ' ');
      });
    });
  };
}
