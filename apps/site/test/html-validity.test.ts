import { expect, test } from 'vitest';
import { htmlErrors, htmlFiles } from './dist.ts';

test('every page passes the Nu HTML Checker with no errors', () => {
  const files = htmlFiles();
  expect(htmlErrors(files)).toEqual([]);
  expect(files.length).toBeGreaterThan(30);
});
