/**
 * Phase: every document, redirect and static file claims the file it is
 * written to; two sources never write the same file. Then, when any phase
 * found a problem, the load fails with all of them.
 */
import { BlogSourceError } from '../problems.js';
import { fieldLine } from './source.js';
import type { LoadState } from './state.js';

export function claimDestinations(state: LoadState): LoadState {
  const owners = new Map<string, { file: string; line: () => number | undefined }>();
  const claim = (output: string, file: string, line: () => number | undefined = () => undefined): void => {
    const owner = owners.get(output);
    if (!owner) {
      owners.set(output, { file, line });
      return;
    }
    // Lines are looked up only here: finding them re-reads the YAML with positions.
    const ownerLine = owner.line();
    state.problems.push({
      file,
      line: line(),
      field: 'permalink',
      message: `\`/${output}\` is also written by ${owner.file}${ownerLine ? `:${ownerLine}` : ''}; give one of them another \`permalink\``,
    });
  };
  for (const { document, source } of state.entries) {
    claim(document.outputPath, document.sourcePath, () => fieldLine(source, 'permalink'));
  }
  for (const redirect of state.redirects) claim(redirect.outputPath, redirect.sourcePath);
  for (const file of state.staticFiles) claim(file.path, file.path);
  return state;
}

/** @throws {BlogSourceError} with every problem found, when any is. */
export function reportProblems(state: LoadState): LoadState {
  if (state.problems.length > 0) throw new BlogSourceError(state.problems);
  return state;
}
