import { describe, expect, it } from 'vitest';
import { normalizeDate } from './normalize-date.js';

describe('normalizeDate', () => {
  it.each([
    ['2016-12-16', '2016-12-16'],
    ['2016-12', '2016-12'],
    ['2016', '2016'],
    ['2016/12/16', '2016-12-16'],
    ['2016-12-16T10:00:00Z', '2016-12-16'],
    // The date as stated in the source's own zone, not converted to UTC.
    ['2016-12-16T23:30:00-05:00', '2016-12-16'],
    ['2016-12-17T01:30:00+03:00', '2016-12-17'],
    ['2016-12-16 23:30:00.123+0200', '2016-12-16'],
    ['Fri, 16 Dec 2016 23:30:00 -0500', '2016-12-16'],
    ['Fri, 16 Dec 2016 23:30:00 GMT', '2016-12-16'],
    ['16 Dec 2016', '2016-12-16'],
    ['Mon, 15 Apr 19 09:00:00 GMT', '2019-04-15'],
    ['1 Sept 1999', '1999-09-01'],
    ['December 16, 2016', '2016-12-16'],
    ['Friday, Dec. 16 2016 10:00 AM', '2016-12-16'],
    ['  16 December 2016  ', '2016-12-16'],
  ])('reads %j as %s', (raw, expected) => {
    expect(normalizeDate(raw)).toBe(expected);
  });

  it.each(['', 'yesterday', '2016-13-01', '2016-02-30', '2015-02-29', '31 Jun 2016', '16 Foo 2016', '999-01-01', '12/16/2016'])(
    'refuses %j',
    (raw) => {
      expect(normalizeDate(raw)).toBeNull();
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(normalizeDate('2016-02-29')).toBe('2016-02-29');
  });
});
