import { describe, expect, it } from 'vitest';
import { dayInterval, eventsCompatible, findMatchingEvent, mergeEventReports, type EventReport } from './event-merge.js';

function report(documentId: string, changes: Partial<EventReport> = {}): EventReport {
  return {
    documentId,
    type: 'arrest',
    subjectId: 'E1',
    agentId: null,
    objectId: null,
    placeId: 'KYIV',
    date: { from: '2016-03', text: 'in March 2016' },
    duration: null,
    charge: null,
    penalty: null,
    modality: 'asserted',
    confidence: 0.7,
    evidence: [{ start: 0, end: 10, text: 'was held …' }],
    ...changes,
  };
}

describe('dayInterval', () => {
  it('spans the whole period a cut date names', () => {
    expect(dayInterval({ from: '2016', text: '' })).toEqual({ from: '2016-01-01', to: '2016-12-31' });
    expect(dayInterval({ from: '2016-02', text: '' })).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(dayInterval({ from: '2010', to: '2012', text: '' })).toEqual({ from: '2010-01-01', to: '2012-12-31' });
    expect(dayInterval(null)).toBeNull();
  });
});

describe('eventsCompatible', () => {
  it('joins same type and subject with overlapping dates', () => {
    expect(eventsCompatible(report('a'), report('b', { date: { from: '2016-03-12', text: '' } })).compatible).toBe(true);
  });
  it('separates different subjects, types or dates', () => {
    expect(eventsCompatible(report('a'), report('b', { subjectId: 'E2' })).reason).toBe('subject');
    expect(eventsCompatible(report('a'), report('b', { type: 'release' })).reason).toBe('type');
    expect(eventsCompatible(report('a'), report('b', { date: { from: '2017-03', text: '' } })).reason).toBe('date');
  });
  it('accepts a place within another only when told so', () => {
    const city = report('a', { placeId: 'KYIV' });
    const country = report('b', { placeId: 'UKRAINE' });
    expect(eventsCompatible(city, country).reason).toBe('place');
    const contains = (outer: string, inner: string): boolean => outer === 'UKRAINE' && inner === 'KYIV';
    expect(eventsCompatible(city, country, contains).compatible).toBe(true);
  });
  it('does not join an arrest with a denial of it', () => {
    expect(eventsCompatible(report('a'), report('b', { modality: 'negated' })).reason).toBe('modality');
  });
  it('finds the stored event a new report belongs to', () => {
    const stored = [report('a', { type: 'release' }), report('b')];
    expect(findMatchingEvent(report('c'), stored)).toBe(1);
    expect(findMatchingEvent(report('c', { subjectId: 'E9' }), stored)).toBe(-1);
  });
});

describe('mergeEventReports', () => {
  it('keeps every evidence span with its document and lets the precise date win', () => {
    const merged = mergeEventReports([
      report('outlet-a', { date: { from: '2016-03', text: 'in March 2016' } }),
      report('outlet-b', { date: { from: '2016-03-12', text: 'on 12 March' }, evidence: [{ start: 5, end: 9, text: 'held' }] }),
    ]);
    expect(merged.date?.from).toBe('2016-03-12');
    expect(merged.dates.map((d) => d.date.from)).toEqual(['2016-03-12', '2016-03']);
    expect(merged.evidence.map((e) => e.document)).toEqual(['outlet-a', 'outlet-b']);
    // A month containing the day refines, it does not contradict.
    expect(merged.conflicts).toEqual([]);
  });
  it('shows differing charges as a conflict instead of overwriting', () => {
    const merged = mergeEventReports([
      report('a', { charge: 'hooliganism' }),
      report('b', { charge: 'inciting social discord' }),
      report('c', { charge: 'inciting social discord' }),
    ]);
    expect(merged.charge).toBe('inciting social discord');
    expect(merged.conflicts).toEqual([
      { field: 'charge', values: [
        { value: 'inciting social discord', documentIds: ['b', 'c'] },
        { value: 'hooliganism', documentIds: ['a'] },
      ] },
    ]);
  });
  it('flags overlapping dates that do not nest', () => {
    const merged = mergeEventReports([
      report('a', { date: { from: '2016-03-10', to: '2016-03-14', text: '' } }),
      report('b', { date: { from: '2016-03-12', to: '2016-03-20', text: '' } }),
    ]);
    expect(merged.conflicts.map((c) => c.field)).toEqual(['date']);
  });
});
