#!/usr/bin/env node
/**
 * `pnpm create @blog/blog [folder]` (or `npm create @blog/blog`): writes a
 * new blog and says what to run next.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CreateBlogError, createBlog } from './create.js';

const usage = `Usage: create-blog [folder] [--title <title>] [--url <url>]

Writes a new blog with @blog/theme into <folder> (default: my-blog).`;

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { title: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 1;
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  const folder = parsed.positionals[0] ?? 'my-blog';
  try {
    createBlog(folder, { title: parsed.values.title, url: parsed.values.url });
  } catch (error) {
    if (error instanceof CreateBlogError) {
      console.error(`create-blog: ${error.message}`);
      return 1;
    }
    throw error;
  }
  // The package manager that ran `create`, to say the next commands in its words.
  const manager = /^(pnpm|yarn|bun)\//.exec(process.env.npm_config_user_agent ?? '')?.[1] ?? 'npm';
  const run = manager === 'npm' ? 'npm run' : manager;
  console.log(`A new blog is in ${relative(process.cwd(), folder) || '.'}/. Next:

  cd ${folder}
  ${manager} install
  ${run} dev

Posts are in blog/_posts/, settings in blog/_config.yml (set \`url\` before publishing).`);
  return 0;
}

process.exitCode = main();
