/**
 * Dates as the original blog shows them, in the site's time zone:
 * `Dec 14, 2023` in lists and posts, `14 Dec 2023` in the archive.
 */
import type { Site } from '@blog/model';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, style: 'medium' | 'archive'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format =
      style === 'medium'
        ? new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric', year: 'numeric' })
        : new Intl.DateTimeFormat(locale === 'en' || locale.startsWith('en-') ? 'en-GB' : locale, {
            timeZone,
            day: 'numeric',
            month: 'short',
            year: 'numeric',
          });
    formats.set(key, format);
  }
  return format;
}

/** `Dec 14, 2023` (in English; other locales their own way). */
export function formatDate(date: Date, site: Pick<Site, 'timezone' | 'language'>, locale?: string): string {
  return formatter(locale ?? site.language, site.timezone ?? 'UTC', 'medium').format(date);
}

/** `14 Dec 2023`, as the archive table shows dates. */
export function formatArchiveDate(date: Date, site: Pick<Site, 'timezone' | 'language'>, locale?: string): string {
  return formatter(locale ?? site.language, site.timezone ?? 'UTC', 'archive').format(date);
}

/** Fills `{name}` placeholders of a string: `format('{minutes} min read', { minutes: 3 })`. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
