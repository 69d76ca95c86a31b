import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { dist, htmlFiles } from './dist.ts';

const vnu = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '../build/dist/vnu.jar');

test('every page passes the Nu HTML Checker with no errors', () => {
  const files = htmlFiles().map((file) => join(dist, file));
  let output = '';
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    output = (error as { stderr?: string }).stderr ?? String(error);
  }
  const messages = output
    ? (JSON.parse(output) as { messages: { url: string; lastLine?: number; message: string }[] }).messages
    : [];
  expect(
    messages.map((message) => `${message.url.replace(/^.*\/dist\//, '')}:${message.lastLine}: ${message.message}`),
  ).toEqual([]);
  expect(files.length).toBeGreaterThan(30);
});
