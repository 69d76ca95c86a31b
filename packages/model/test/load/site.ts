/** A throwaway Jekyll folder for the phase tests, and a load state over it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import type { LoadOptions } from '../../src/load/options.ts';
import { createState, type LoadState } from '../../src/load/state.ts';

export const now = new Date('2026-01-01T00:00:00Z');

/** The folders made by the test file that imports this one, removed when its tests are done. */
const made: string[] = [];
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

/** Writes `files` (site-relative path → content) into a new temporary folder and returns it. */
export function makeSite(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'blog-model-phase-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The state of a new site made of `files`, before any phase, built at {@link now}. */
export function stateOf(files: Record<string, string | Uint8Array>, options: LoadOptions = {}): LoadState {
  return createState(makeSite(files), { now, ...options });
}

/** Runs phases in order over a state. */
export function run(state: LoadState, ...phases: ((state: LoadState) => LoadState)[]): LoadState {
  return phases.reduce((current, phase) => phase(current), state);
}
