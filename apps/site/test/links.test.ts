import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { expect, test } from 'vitest';
import { fileFor, htmlFiles, read } from './dist.ts';

const origin = 'https://packet-path.example';

function elements(tree: Root | Element, out: Element[] = []): Element[] {
  for (const child of tree.children) {
    if (child.type === 'element') {
      out.push(child);
      elements(child, out);
    }
  }
  return out;
}

const pages = new Map(htmlFiles().map((file) => [file, elements(fromHtml(read(file)))]));
const idsOf = new Map<string, Set<string>>();
function ids(file: string): Set<string> {
  let set = idsOf.get(file);
  if (!set) {
    const tree = pages.get(file) ?? elements(fromHtml(read(file)));
    set = new Set(
      tree.flatMap((element) => [element.properties.id, element.properties.name].filter(Boolean).map(String)),
    );
    idsOf.set(file, set);
  }
  return set;
}

test('no broken internal link or anchor on any page', () => {
  const broken: string[] = [];
  for (const [file, list] of pages) {
    const base = new URL(`/${file.replace(/index\.html$/, '')}`, origin);
    for (const element of list) {
      for (const attribute of ['href', 'src']) {
        const value = element.properties[attribute];
        if (typeof value !== 'string' || value === '' || /^(mailto|data|javascript):/.test(value)) continue;
        const url = new URL(value, base);
        if (url.origin !== origin) continue;
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${file}: ${value}`);
          continue;
        }
        if (url.hash && target.endsWith('.html')) {
          const relative = target.slice(target.indexOf('/dist/') + '/dist/'.length);
          if (!ids(relative).has(decodeURIComponent(url.hash.slice(1))))
            broken.push(`${file}: ${value} (no such anchor)`);
        }
      }
    }
  }
  expect(broken).toEqual([]);
  expect(pages.size).toBeGreaterThan(30);
});
