// @ts-check
/**
 * Astro's log, with a build's pages counted instead of listed: Astro
 * prints a line for each page it writes, thousands for a blog of some
 * years, and nothing else meanwhile. This log prints every `every` pages
 * (500 by default) how many are written, and the number in all when the
 * route is done; everything else passes to Astro's own console log as it
 * is. A page that is not written (an empty response) is printed in full,
 * as Astro prints it. The lines are counted, never timed: a build prints
 * the same lines whatever the machine's speed.
 *
 * Astro loads it with `import()` (its `logger` setting, Astro 7): it is
 * JavaScript, not TypeScript, so it loads from `node_modules` too. Set it
 * with `logger()` of `@blog/theme`.
 */
import nodeDestination from 'astro/logger/node';

/** @typedef {import('astro').AstroLoggerMessage} Message */

/** @typedef {import('./logger-setting.ts').LoggerOptions} LoggerOptions `config` of Astro's `logger` setting */

// eslint-disable-next-line no-control-regex -- Astro's colours are terminal escapes.
const colours = /\u001B\[[0-9;]*m/g;

/** Astro writes a page as two messages: `├─ <file>` without a line end, then its time or `(cached)`. */
function isPageStart(/** @type {Message} */ event) {
  return event.level === 'info' && event.label === null && !event.newLine && /^\s*├─ /.test(plain(event.message));
}

function plain(/** @type {string} */ message) {
  return message.replace(colours, '');
}

/**
 * @param {LoggerOptions} [options]
 * @returns {import('astro').AstroLoggerDestination}
 */
export default function blogLogger(options = {}) {
  const out = nodeDestination({ level: options.level ?? 'info' });
  const every = options.every ?? 500;
  if (!Number.isInteger(every) || every < 1) {
    throw new TypeError(`@blog/theme/logger: \`every\` must be a whole number of pages, 1 or more; got ${every}`);
  }
  /** Pages begun and not yet ended, oldest first: Astro writes several at once. */
  /** @type {Message[]} */
  const begun = [];
  let pages = 0;
  let reused = 0;
  const line = (/** @type {string} */ message) => out.write({ label: null, level: 'info', message, newLine: true });
  const counted = () =>
    `${pages} file(s)${reused > 0 ? `, ${reused} of them from the incremental cache,` : ''} written`;
  return {
    write(event) {
      if (isPageStart(event)) {
        begun.push(event);
        return;
      }
      const page = event.label === 'SKIP_FORMAT' ? begun.shift() : undefined;
      if (page) {
        const end = plain(event.message);
        if (/file not created/.test(end)) {
          out.write(page);
          out.write(event);
          return;
        }
        pages++;
        if (/\((?:cached|restored)\)/.test(end)) reused++;
        if (pages % every === 0) line(`  ├─ ${counted()}`);
        return;
      }
      // Anything else: when no page is under way, the route's pages are summed up first.
      if (pages > 0 && begun.length === 0) {
        line(`  └─ ${counted()}`);
        pages = 0;
        reused = 0;
      }
      out.write(event);
    },
    flush: () => out.flush?.(),
    close: () => out.close?.(),
  };
}
