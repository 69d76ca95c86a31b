/**
 * Problems found while reading a blog's sources. Every problem names the
 * file, the line (1-based, when known) and the field, and says what was
 * expected; loaders collect all of them and throw once.
 */

/** One problem in one source file. */
export interface Problem {
  /** Path of the file, relative to the site folder. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** Front-matter or config key the problem is about, when there is one. */
  field?: string | undefined;
  /** What was expected and what came in. */
  message: string;
}

/** Formats a problem as `[@blog/model] file:line: field: message`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? ` \`${problem.field}\`:` : '';
  return `[@blog/model] ${where}:${field} ${problem.message}`;
}

/** Thrown when sources cannot be loaded; carries every problem found. */
export class BlogSourceError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${count} in the blog sources:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'BlogSourceError';
    this.problems = problems;
  }
}
