/** Phase: reads `_data/` (`.yml`, `.yaml`, `.json`, in folders too) into `site.data`. */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { listFolder } from '../walk.js';
import { readYamlValue } from '../yaml.js';
import type { LoadState } from './state.js';

/** The value of one data file; `undefined` when it is not read (the problem or warning is recorded). */
function readDataFile(state: LoadState, file: string): { value: unknown } | undefined {
  const ext = extname(file).toLowerCase();
  const text = () => readFileSync(join(state.root, file), 'utf8');
  if (ext === '.json') {
    try {
      return { value: JSON.parse(text()) };
    } catch (error) {
      state.problems.push({ file, message: `invalid JSON: ${(error as Error).message}` });
      return undefined;
    }
  }
  if (ext === '.yml' || ext === '.yaml') {
    const loaded = readYamlValue(text(), file);
    state.problems.push(...loaded.problems);
    return { value: loaded.value };
  }
  state.warnings.push({ file, message: 'not read: `_data` files are read when they are `.yml`, `.yaml` or `.json`' });
  return undefined;
}

export function readData(state: LoadState): LoadState {
  for (const file of listFolder(state.root, '_data')) {
    const read = readDataFile(state, file);
    if (!read) continue;
    const keys = file.slice('_data/'.length, file.length - extname(file).length).split('/');
    let target = state.data;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys.at(-1)!] = read.value;
  }
  return state;
}
