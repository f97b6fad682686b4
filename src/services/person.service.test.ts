import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { listEvents } from './event.service.js';
import { saveExtraction } from './ingest.service.js';
import { getPersonCase, listPeople } from './person.service.js';
import { search } from './search.service.js';
import { summarizeStore } from './summary.service.js';
import { detentionReport, exileReport, openTempStore, prisonReport } from './testing/scenario.js';

describe('queries over a store', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTempStore());
    for (const r of [exileReport(), prisonReport(), detentionReport()]) await saveExtraction(store, r.doc, r.extraction);
  });
  afterAll(async () => {
    await dispose();
  });

  describe('getPersonCase', () => {
    it('finds a person by alias, case-insensitively, with events in date order and undated last', async () => {
      const found = await getPersonCase(store, '  SADYKOV ');
      expect(found?.person).toMatchObject({ id: 'kyiv-post:e1', name: 'Aidos Sadykov', status: 'suggested' });
      expect(found?.events.map((e) => [e.type, e.date?.from ?? null])).toEqual([
        ['arrest', '2010'],
        ['exile', '2014'],
        ['asylum_granted', '2016-03'],
        ['imprisonment', null],
      ]);
      expect(found?.events[0]?.evidence[0]).toMatchObject({ document: 'rfe' });
      expect(found?.names).toMatchObject({ 'kyiv-post:e1': 'Aidos Sadykov', 'rfe:e2': 'Kazakh police', 'kyiv-post:e3': 'Kyiv' });
      expect(found?.documents.map((d) => d.id)).toEqual(['kyiv-post', 'rfe']);
    });

    it('finds a person by full name too, and gives null for an unknown name or a non-person', async () => {
      expect((await getPersonCase(store, 'aidos sadykov'))?.person.id).toBe('kyiv-post:e1');
      expect(await getPersonCase(store, 'Nobody Known')).toBeNull();
      expect(await getPersonCase(store, 'Kyiv')).toBeNull();
      await expect(getPersonCase(store, '   ')).rejects.toThrow(ValidationError);
    });
  });

  it('lists people with event counts, most events first', async () => {
    const people = await listPeople(store);
    expect(people.map((p) => [p.name, p.eventCount])).toEqual([
      ['Aidos Sadykov', 4],
      ['Ivanov', 1],
      ['Ivanov', 0],
    ]);
    expect(people[0]?.aliases).toEqual(['Sadykov']);
  });

  it('lists events, by type, with entity names', async () => {
    const all = await listEvents(store);
    expect(all).toHaveLength(5);
    const arrests = await listEvents(store, { type: 'arrest' });
    expect(arrests.map((e) => [e.id, e.subjectName, e.agentName])).toEqual([['rfe:v1', 'Aidos Sadykov', 'Kazakh police']]);
    expect(await listEvents(store, { limit: 2 })).toHaveLength(2);
    await expect(listEvents(store, { type: 'jaywalking' })).rejects.toThrow(ValidationError);
  });

  it('searches documents and evidence with a phrase query', async () => {
    const hits = await search(store, '"refugee status"');
    expect(hits.map((h) => [h.kind, h.documentId])).toEqual(
      expect.arrayContaining([
        ['document', 'kyiv-post'],
        ['evidence', 'kyiv-post'],
      ]),
    );
    const evidence = hits.find((h) => h.kind === 'evidence');
    expect(evidence).toMatchObject({ eventId: 'kyiv-post:v2', documentTitle: 'Kazakh activists in Kyiv' });
    const text = (await store.documents.getText('kyiv-post')) ?? '';
    expect(text.slice(evidence?.start ?? 0, evidence?.end ?? 0)).toBe('Sadykov was granted refugee status in Kyiv in March 2016');
    const doc = hits.find((h) => h.kind === 'document');
    expect(text.slice(doc?.start ?? 0, doc?.end ?? 0)).toBe('refugee status');
    expect(await search(store, '"two years"', { limit: 1 })).toHaveLength(1);
  });

  it('turns a malformed search into a ValidationError', async () => {
    await expect(search(store, '"refugee status')).rejects.toThrow(ValidationError);
    await expect(search(store, 'refugee', { limit: 0 })).rejects.toThrow(ValidationError);
  });

  it('summarizes the store', async () => {
    expect(await summarizeStore(store)).toEqual({
      documents: 3,
      people: 3,
      organizations: 2,
      places: 3,
      events: 5,
      eventsByType: { arrest: 1, asylum_granted: 1, detention: 1, exile: 1, imprisonment: 1 },
    });
  });
});
