import { describe, expect, test } from 'vitest';
import { splitFrontMatter } from '../src/front-matter.ts';

describe('splitFrontMatter', () => {
  test('body line counts the fences', () => {
    expect(splitFrontMatter('---\ntitle: A\ndate: 2023-12-14\n---\nBody\n')).toEqual({
      hasFrontMatter: true,
      yaml: 'title: A\ndate: 2023-12-14',
      yamlLine: 2,
      body: 'Body\n',
      bodyLine: 5,
    });
  });

  test('empty front matter, `...` closing, CRLF and a BOM', () => {
    expect(splitFrontMatter('---\n---\nx').body).toBe('x');
    expect(splitFrontMatter('---\na: 1\n...\nx').body).toBe('x');
    expect(splitFrontMatter('\uFEFF---\r\na: 1\r\n---\r\nx').yaml).toBe('a: 1');
  });

  test('no front matter: the whole file is the body', () => {
    expect(splitFrontMatter('# Title\n---\n')).toMatchObject({ hasFrontMatter: false, body: '# Title\n---\n' });
    expect(splitFrontMatter('----\nnot front matter\n').hasFrontMatter).toBe(false);
  });
});
