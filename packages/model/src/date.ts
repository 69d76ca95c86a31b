/**
 * Dates as Jekyll reads and shows them. A front-matter date with an offset
 * is that instant; one without is a wall time in the site's time zone (UTC
 * when the site sets none, as on GitHub Pages). Jekyll then shows every date,
 * in URLs and templates, in the site's time zone (`Time#localtime`).
 */

/** A date read from a source: the instant and the offset it was written with. */
export interface SourceDate {
  /** The instant. */
  date: Date;
  /** Minutes east of UTC the source wrote, or `undefined` when it wrote none. */
  offset: number | undefined;
}

/** Calendar fields of an instant in a time zone. */
export interface ZonedParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 (Sunday) to 6 */
  weekday: number;
  /** Minutes east of UTC in that zone at that instant. */
  offset: number;
}

const dateRe =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in `timeZone` at `date`. One `Intl` call: the calendar fields are then plain arithmetic. */
function zoneOffset(date: Date, timeZone: string): number {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, format);
  }
  // `12/14/2023, GMT+01:00`, or `GMT` alone for a zero offset.
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(format.format(date));
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The calendar fields of `date` in `timeZone` (UTC when undefined). */
export function zonedParts(date: Date, timeZone?: string): ZonedParts {
  const offset = !timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC' ? 0 : zoneOffset(date, timeZone);
  const shifted = offset === 0 ? date : new Date(date.getTime() + offset * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
    offset,
  };
}

/** The instant at which the wall clock in `timeZone` shows the given time. */
export function wallTimeToDate(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
  timeZone?: string,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (!timeZone) return new Date(wall);
  // Two passes settle the offset, including across a DST change.
  const first = zonedParts(new Date(wall), timeZone).offset;
  let instant = wall - first * 60000;
  const second_ = zonedParts(new Date(instant), timeZone).offset;
  if (second_ !== first) instant = wall - second_ * 60000;
  return new Date(instant);
}

/**
 * Parses a date as written in front matter or a file name:
 * `2023-12-14`, `2023-12-14 17:00`, `2023-12-14 17:00:05`,
 * `2023-12-14T17:00:05.250Z`, with an optional offset (`+0200`, `+02:00`,
 * `-05`, `Z`, `UTC`). Without an offset the time is read in `timeZone`.
 *
 * @returns the date, or `undefined` when `value` is not such a date.
 */
export function parseSourceDate(value: string, timeZone?: string): SourceDate | undefined {
  const match = dateRe.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const millisecond = Math.round(Number(`0.${fraction}`) * 1000);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60)
    return undefined;
  if (zone === undefined) {
    return { date: wallTimeToDate(year, month, day, hour, minute, second, millisecond, timeZone), offset: undefined };
  }
  let offset = 0;
  if (!/^(Z|UTC|GMT)$/i.test(zone)) {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
  }
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * 60000);
  return { date, offset };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Formats an offset in minutes as `+0200`, or `+02:00` with `colon`. */
export function formatOffset(offset: number, colon = false): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** ISO 8601 with the zone's offset, as Jekyll's `date_to_xmlschema`: `2023-12-14T17:00:00+02:00`. */
export function toXmlSchema(date: Date, timeZone?: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${formatOffset(p.offset, true)}`;
}

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 date as Jekyll's `date_to_rfc822`: `Thu, 14 Dec 2023 17:00:00 +0200`. */
export function toRfc822(date: Date, timeZone?: string): string {
  const p = zonedParts(date, timeZone);
  return `${dayNames[p.weekday]}, ${pad(p.day)} ${monthNames[p.month - 1]} ${p.year} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${formatOffset(p.offset)}`;
}
