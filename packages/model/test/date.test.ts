import { describe, expect, test } from 'vitest';
import { toRfc822, toXmlSchema } from '@blog/model';
import { parseSourceDate, wallTimeToDate, zonedParts } from '../src/date.ts';

describe('parseSourceDate', () => {
  test.each([
    ['2023-12-14 17:00 +0200', '2023-12-14T15:00:00.000Z', 120],
    ['2023-12-14 17:00:30 +02:00', '2023-12-14T15:00:30.000Z', 120],
    ['2023-12-14T17:00:30.250Z', '2023-12-14T17:00:30.250Z', 0],
    ['2023-12-14 09:15 -0500', '2023-12-14T14:15:00.000Z', -300],
    ['2023-12-14 09:15 -05', '2023-12-14T14:15:00.000Z', -300],
    ['2023-12-14 17:00 UTC', '2023-12-14T17:00:00.000Z', 0],
    ['2023-1-5', '2023-01-05T00:00:00.000Z', undefined],
    ['2023-12-14 17:00', '2023-12-14T17:00:00.000Z', undefined],
  ])('%s', (input, iso, offset) => {
    const parsed = parseSourceDate(input);
    expect(parsed?.date.toISOString()).toBe(iso);
    expect(parsed?.offset).toBe(offset);
  });

  test('a date without offset is a wall time in the site zone, across DST', () => {
    expect(parseSourceDate('2023-12-14 17:00', 'Europe/Madrid')?.date.toISOString()).toBe('2023-12-14T16:00:00.000Z');
    expect(parseSourceDate('2023-07-14 17:00', 'Europe/Madrid')?.date.toISOString()).toBe('2023-07-14T15:00:00.000Z');
    expect(parseSourceDate('2023-12-14', 'Asia/Tokyo')?.date.toISOString()).toBe('2023-12-13T15:00:00.000Z');
  });

  test.each(['14/12/2023', '2023-13-01', '2023-02-30', '2023-12-14 25:00', 'yesterday', ''])('rejects %j', (input) => {
    expect(parseSourceDate(input)).toBeUndefined();
  });
});

describe('formatting in a zone', () => {
  const instant = new Date('2023-12-14T23:30:00Z');

  test('zonedParts gives the calendar day where the reader is', () => {
    expect(zonedParts(instant)).toMatchObject({ year: 2023, month: 12, day: 14, hour: 23, weekday: 4, offset: 0 });
    expect(zonedParts(instant, 'Europe/Madrid')).toMatchObject({
      day: 15,
      hour: 0,
      minute: 30,
      weekday: 5,
      offset: 60,
    });
    expect(zonedParts(instant, 'America/Los_Angeles')).toMatchObject({ day: 14, hour: 15, offset: -480 });
  });

  test('RFC 822 and XML Schema as Jekyll prints them', () => {
    expect(toRfc822(instant)).toBe('Thu, 14 Dec 2023 23:30:00 +0000');
    expect(toRfc822(instant, 'Europe/Madrid')).toBe('Fri, 15 Dec 2023 00:30:00 +0100');
    expect(toXmlSchema(instant, 'Asia/Kolkata')).toBe('2023-12-15T05:00:00+05:30');
  });

  test('wallTimeToDate settles the offset on both sides of a DST change', () => {
    // Spain moved to summer time at 02:00 on 2024-03-31.
    expect(wallTimeToDate(2024, 3, 31, 1, 30, 0, 0, 'Europe/Madrid').toISOString()).toBe('2024-03-31T00:30:00.000Z');
    expect(wallTimeToDate(2024, 3, 31, 3, 30, 0, 0, 'Europe/Madrid').toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });
});
