/**
 * Phase (with `gitDates`): the updated date of every post that sets none in
 * its front matter is the committer date of the last commit that changed
 * its file. One `git log` for the whole site, never a file's mtime, so the
 * date depends on the history only and builds stay reproducible.
 */
import { execFileSync } from 'node:child_process';
import type { LoadState } from './state.js';

/**
 * The committer date of the last commit that changed each file below `root` (paths relative to it), from
 * one `git log`; `undefined` when `root` is not in a git repository. Files never committed are absent.
 */
export function lastCommitDates(root: string): Map<string, Date> | undefined {
  const git = (args: string[]) =>
    execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  try {
    if (git(['rev-parse', '--is-inside-work-tree']).trim() !== 'true') return undefined;
  } catch {
    return undefined;
  }
  // Newest commit first; each commit as `\0<date>` then the files it changed, relative to `root`.
  const log = git(['log', '--format=%x00%cI', '--name-only', '--no-renames', '--relative', '--', '.']);
  const dates = new Map<string, Date>();
  for (const commit of log.split('\0').slice(1)) {
    const [date, ...files] = commit.split('\n');
    for (const file of files) {
      if (file !== '' && !dates.has(file)) dates.set(file, new Date(date!));
    }
  }
  return dates;
}

export function applyGitDates(state: LoadState): LoadState {
  if (!state.gitDates) return state;
  const dates = lastCommitDates(state.root);
  if (!dates) {
    state.warnings.push({
      file: '.',
      field: 'gitDates',
      message: 'the site folder is not in a git repository: updated dates come from front matter only',
    });
    return state;
  }
  for (const { post, document } of state.posts) {
    if (post && post.updated === undefined) post.updated = dates.get(document.sourcePath);
  }
  return state;
}
