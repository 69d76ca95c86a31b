import type { z } from 'zod';
import type { Problem } from './problems.js';
import type { YamlResult } from './yaml.js';

/** Turns zod issues into problems that name the file, line and field. */
export function zodProblems(
  error: z.ZodError,
  file: string,
  yaml: YamlResult | undefined,
  fallbackLine?: number,
): Problem[] {
  const problems = error.issues.map((issue): Problem => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    let line: number | undefined;
    for (let depth = path.length; depth > 0 && line === undefined; depth--) line = yaml?.lineOf(path.slice(0, depth));
    const field = path.length > 0 ? path.join('.') : undefined;
    let message = issue.message;
    if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
      message = `expected ${issue.expected}, got ${describe(issue.input)}`;
    } else if ('input' in issue && issue.input !== undefined && !message.includes(', got')) {
      message = `${message}, got ${describe(issue.input)}`;
    }
    return { file, line: line ?? fallbackLine, field, message };
  });
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `\`${value}\``;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}
