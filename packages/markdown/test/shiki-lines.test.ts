/**
 * `codeToPre`'s line-by-line tokenizing (`src/shiki-hast.ts`, one theme)
 * against Shiki's `codeToHast`: lines read back from the kept ones must give
 * what tokenizing them again gives, whatever was tokenized before. The same
 * blocks are highlighted with nothing kept, forwards, backwards and again
 * after the kept lines are dropped; the cases put the same line text in
 * different states (inside a comment, a docstring, a heredoc whose end depends
 * on its first line, embedded code in Markdown or HTML).
 */
import type { BundledLanguage } from 'shiki';
import { expect, test } from 'vitest';
import { postBody } from '../bench/corpus.mjs';
import { fencedBlocks } from './reference-sources.ts';
import { getHighlighter, tokenOptions } from '../src/rehype-shiki.ts';
import { clearLines, codeToPre } from '../src/shiki-hast.ts';

const cases: [string, string][] = [
  ['c', 'int x; /* a\nint y;\n*/ int z;\nint y;\n*/'],
  ['c', 'int y;\n*/\n/*\nint y;\n*/'],
  ['python', 'x = 1\n"""\nx = 1\n"""\nx = 1'],
  ['python', '"""\nx = 1\n"""'],
  // The same line ends a heredoc, or is text in one: the end is the first line's word.
  ['shellscript', 'cat <<EOF\nEND\nEOF\necho 1'],
  ['shellscript', 'cat <<END\nEND\necho 1'],
  ['shellscript', 'cat <<-"X1"\n\tX2\n\tX1\ncat <<X2\nX1\nX2'],
  ['ruby', 'x = <<~SQL\nHTML\nSQL\nx = 1'],
  ['ruby', 'x = <<~HTML\nHTML\nx = 1'],
  ['rust', 'let s = r#"\n"#;\nlet t = 1;'],
  ['rust', 'let s = r##"\n"#;\nlet t = 1;\n"##;'],
  ['markdown', '```js\nconst a = 1;\n```\nconst a = 1;\n~~~python\nconst a = 1;\n~~~'],
  ['html', '<script>\nlet a = "<b>";\n</script>\nlet a = "<b>";\n<style>\nlet a = "<b>";\n</style>'],
  ['javascript', 'const s = `\n${x}\n`;\n${x}\n// ${x}\r\nconst t = 1;\r\n'],
  ['yaml', 'a: |\n  b: c\nb: c\nd: >-\n  b: c'],
  ['python', ''],
  ['python', '\n\n'],
  ['python', '    \n\tx = 1  \n  # comment  '],
];

function blocks(): [string, string][] {
  return [...cases, ...fencedBlocks(Array.from({ length: 60 }, (_, n) => postBody(n)))];
}

test('lines read back give the tree of codeToHast, in any order', async () => {
  const themes = 'css-variables';
  const highlighter = await getHighlighter(themes);
  const all = blocks();
  for (const id of new Set(all.map(([id]) => id))) await highlighter.loadLanguage(id as BundledLanguage);
  const expected = all.map(([id, code]) => {
    const options = tokenOptions(themes, id);
    return JSON.stringify(
      highlighter.codeToHast(code, options as Parameters<typeof highlighter.codeToHast>[1]).children[0],
    );
  });
  const check = (order: number[], label: string): void => {
    for (const index of order) {
      const [id, code] = all[index]!;
      expect(JSON.stringify(codeToPre(highlighter, code, tokenOptions(themes, id))), `${label}, ${id}: ${code}`).toBe(
        expected[index],
      );
    }
  };
  const forwards = all.map((_, index) => index);
  // Each block alone, with nothing kept: every line is tokenized.
  for (const index of forwards) {
    clearLines();
    check([index], 'alone');
  }
  clearLines();
  check(forwards, 'forwards');
  check([...forwards].reverse(), 'backwards');
  check(forwards, 'again');
  clearLines();
  check([...forwards].reverse(), 'backwards after clearing');
  expect(all.length).toBeGreaterThan(200);
});
