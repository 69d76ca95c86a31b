/**
 * The regular expressions of Shiki's JavaScript engine, translated once.
 *
 * The engine translates each Oniguruma pattern of a grammar into a
 * JavaScript `RegExp` (with `oniguruma-to-es`) the first time a tokenizer
 * state needs it: about 700 patterns and 0.4 s for the ten languages of a
 * technical blog, paid again by every process and every worker thread.
 * Here each translation is made once and kept: in this thread, handed to
 * the workers `renderAll` starts, and in the render cache between builds
 * (see `RenderCache`). A `RegExp` is made from a kept translation as
 * `toRegExp` makes it from a new one, so what Shiki matches is the same.
 */
import { EmulatedRegExp, toRegExpDetails } from 'oniguruma-to-es';

type Details = ReturnType<typeof toRegExpDetails>;

/** A pattern's translation, or why it has none (Shiki's forgiving engine then leaves the pattern out). */
export type Translation = Details | { error: string };

/** Pattern and translation, as threads and the cache hand them over. */
export type Translations = [pattern: string, translation: Translation][];

/**
 * The options of Shiki's `defaultJavaScriptRegexConstructor` (shiki 4), which its engine translates
 * with. A test tokenizes with this module and with Shiki's own engine and compares.
 */
export const translationOptions = {
  global: true,
  hasIndices: true,
  lazyCompileLength: 3000,
  rules: {
    allowOrphanBackrefs: true,
    asciiWordBoundaries: true,
    captureGroup: true,
    recursionLimit: 5,
    singleline: true,
  },
  target: 'auto',
} as const;

const translations = new Map<string, Translation>();
let made: Translations = [];

/** Shiki's `regexConstructor`: the pattern as a JavaScript `RegExp`, translated the first time only. */
export function patternToRegExp(pattern: string): RegExp {
  let translation = translations.get(pattern);
  if (!translation) {
    try {
      translation = toRegExpDetails(pattern, translationOptions);
    } catch (error) {
      translation = { error: error instanceof Error ? error.message : String(error) };
    }
    translations.set(pattern, translation);
    made.push([pattern, translation]);
  }
  if ('error' in translation) throw new Error(translation.error);
  return translation.options
    ? new EmulatedRegExp(translation.pattern, translation.flags, translation.options)
    : new RegExp(translation.pattern, translation.flags);
}

/** The translations made in this thread since the last call: a worker sends them with its results. */
export function takeMadeTranslations(): Translations {
  const list = made;
  made = [];
  return list;
}

/** Takes in translations made elsewhere (another thread, an earlier build). */
export function addTranslations(list: Translations): void {
  for (const [pattern, translation] of list) if (!translations.has(pattern)) translations.set(pattern, translation);
}

/** Every translation this thread knows. */
export function knownTranslations(): Translations {
  return [...translations];
}
