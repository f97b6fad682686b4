import { describe, expect, it } from 'vitest';
import { timexInterval } from './interval.js';

describe('timexInterval', () => {
  it('keeps dates at their own precision', () => {
    expect(timexInterval('2016')).toEqual({ from: '2016' });
    expect(timexInterval('2016-04')).toEqual({ from: '2016-04' });
    expect(timexInterval('2016-12-16')).toEqual({ from: '2016-12-16' });
    expect(timexInterval('2016-12-16T10:00')).toEqual({ from: '2016-12-16' });
    expect(timexInterval('2016-12-16TMO')).toEqual({ from: '2016-12-16' });
  });

  it('turns weeks into Monday to Sunday, across a year boundary too', () => {
    expect(timexInterval('2016-W49')).toEqual({ from: '2016-12-05', to: '2016-12-11' });
    expect(timexInterval('2016-W49-WE')).toEqual({ from: '2016-12-10', to: '2016-12-11' });
    expect(timexInterval('2015-W53')).toEqual({ from: '2015-12-28', to: '2016-01-03' });
    expect(timexInterval('2021-W01')).toEqual({ from: '2021-01-04', to: '2021-01-10' });
  });

  it('turns seasons, quarters, halves, decades and centuries into month or year ranges', () => {
    expect(timexInterval('2016-SU')).toEqual({ from: '2016-06', to: '2016-08' });
    expect(timexInterval('2016-WI')).toEqual({ from: '2016-12', to: '2017-02' });
    expect(timexInterval('2016-Q2')).toEqual({ from: '2016-04', to: '2016-06' });
    expect(timexInterval('2016-H2')).toEqual({ from: '2016-07', to: '2016-12' });
    expect(timexInterval('199')).toEqual({ from: '1990', to: '1999' });
    expect(timexInterval('19')).toEqual({ from: '1900', to: '1999' });
  });

  it('narrows to the start, middle or end with a mod', () => {
    expect(timexInterval('2016', 'START')).toEqual({ from: '2016-01', to: '2016-03' });
    expect(timexInterval('2016', 'MID')).toEqual({ from: '2016-05', to: '2016-08' });
    expect(timexInterval('2016', 'END')).toEqual({ from: '2016-10', to: '2016-12' });
    expect(timexInterval('2016-12', 'START')).toEqual({ from: '2016-12-01', to: '2016-12-10' });
    expect(timexInterval('2016-02', 'END')).toEqual({ from: '2016-02-21', to: '2016-02-29' });
    expect(timexInterval('199', 'END')).toEqual({ from: '1996', to: '1999' });
    expect(timexInterval('2016-SU', 'START')).toEqual({ from: '2016-06' });
    expect(timexInterval('2016', 'APPROX')).toEqual({ from: '2016' });
    expect(timexInterval('2014', 'AFTER')).toEqual({ from: '2014' });
  });

  it('gives null for references, durations, sets and unresolved values', () => {
    for (const v of ['PAST_REF', 'PRESENT_REF', 'FUTURE_REF', 'P2Y', 'PT6H', 'P1W', 'XXXX-04', 'XXXX-WXX-1', '']) {
      expect(timexInterval(v)).toBeNull();
    }
  });
});
