/**
 * What a build leaves in the theme's cache folder for the next one, about
 * the output folder it wrote (the `x.html` pages, the parts of the search
 * index). A record is read back only by a build into the same folder, and a
 * missing or unreadable one is no record: a cache never fails a build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** JSON text of the cache as a value, or `undefined` when there is none or it does not parse. */
export function parseCached<T>(text: string | undefined): T | undefined {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

const recordFile = (cacheDir: string, name: string) => join(cacheDir, `${name}.json`);

/** The record `name` of the previous build into `out`, if there is one. */
export function readRecord<T>(cacheDir: string, name: string, out: string): T | undefined {
  let text: string | undefined;
  try {
    text = readFileSync(recordFile(cacheDir, name), 'utf8');
  } catch {
    return undefined;
  }
  const record = parseCached<{ out: string; value: T }>(text);
  return record?.out === out ? record.value : undefined;
}

/** Keeps `value` as the record `name` of this build into `out`. */
export function writeRecord(cacheDir: string, name: string, out: string, value: unknown): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(recordFile(cacheDir, name), JSON.stringify({ out, value }));
}
