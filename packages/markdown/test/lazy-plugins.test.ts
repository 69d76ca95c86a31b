/**
 * What importing the package loads: not the plugins only some options use
 * (remark-parse with GFM and math, rehype-katex), nor `@blog/model`'s loader
 * (zod, yaml, liquidjs); every render worker of a build imports it. They load
 * when the options ask for them, through `render` and through
 * `createProcessor` alike.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const script = `
import { registerHooks } from 'node:module';
const packages = new Set();
registerHooks({
  load(url, context, next) {
    const found = url.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//g);
    if (found) packages.add(found.at(-1).replace(/node_modules\\/|\\/$/g, ''));
    return next(url, context);
  },
});
const markdown = await import('@blog/markdown');
const loaded = () => [...packages].sort();
const before = loaded();
const step = process.argv[1];
if (step === 'render') await markdown.render('$$x^2$$\\n', { parser: 'remark', math: 'katex' });
if (step === 'processor') await markdown.createProcessor({ parser: 'remark', math: 'katex' }).process('$$x^2$$\\n');
console.log(JSON.stringify({ before, after: loaded() }));
`;

function packagesLoaded(step: string): { before: string[]; after: string[] } {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, step], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
  });
  return JSON.parse(output) as { before: string[]; after: string[] };
}

const optional = ['remark-parse', 'remark-gfm', 'remark-math', 'rehype-katex', 'katex'];

test('importing the package loads neither the optional plugins nor the model loader', () => {
  const { before } = packagesLoaded('none');
  expect(before).toContain('unified');
  for (const name of [...optional, 'zod', 'yaml', 'liquidjs']) expect(before, name).not.toContain(name);
});

test.each(['render', 'processor'])('%s loads them when the options need them', (step) => {
  const { after } = packagesLoaded(step);
  for (const name of optional) expect(after, name).toContain(name);
});
