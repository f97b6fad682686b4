import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadInputError, ValidationError } from '../errors.js';
import { extract } from '../pipeline/extract.js';
import type { Store } from '../store/index.js';
import { ingestDocument, saveExtraction } from './ingest.service.js';
import { mergeAttributes } from './merge-attributes.js';
import { summarizeStore } from './summary.service.js';
import { exportStore } from './export.service.js';
import { buildEntity, buildExtraction, buildSourceDocument } from './testing/builders.js';
import { detentionReport, exileReport, openTempStore, prisonReport } from './testing/scenario.js';

async function exportJson(store: Store): Promise<string> {
  let out = '';
  await exportStore(store, 'json', (chunk) => {
    out += chunk;
  });
  return out;
}

describe('ingestDocument and saveExtraction', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await openTempStore());
  });
  afterEach(async () => {
    await dispose();
  });

  it('stores the document with what extract() finds in it', async () => {
    const doc = buildSourceDocument({
      id: 'sample',
      text: 'Aidos Sadykov was arrested in Almaty on 12 May 2016. He fled to Kyiv three years ago.',
      published: '2016-12-16',
    });
    const outcome = await ingestDocument(store, doc);
    expect(outcome).toMatchObject({ status: 'added', documentId: 'sample' });

    const expected = extract({ id: doc.id, text: doc.text, published: doc.published });
    expect(outcome.people).toBe(expected.entities.filter((e) => e.type === 'person').length);
    expect(outcome.events).toBe(expected.events.length);
    expect(await store.documents.get('sample')).toMatchObject({ title: doc.title, sha256: doc.sha256, published: '2016-12-16' });
    expect(await store.documents.getText('sample')).toBe(doc.text);
    const original = await store.documents.getOriginal('sample');
    expect(original && Buffer.from(original.bytes).equals(Buffer.from(doc.original))).toBe(true);
    expect(await store.timexes.listForDocument('sample')).toEqual(expected.timexes);
  });

  it('accepts a document without a publication date', async () => {
    const outcome = await ingestDocument(store, buildSourceDocument({ published: null, text: 'Last week he was detained.' }));
    expect(outcome.status).toBe('added');
  });

  it('ingesting the same bytes twice changes nothing the second time', async () => {
    const { doc, extraction } = exileReport();
    const first = await saveExtraction(store, doc, extraction);
    const before = await exportJson(store);
    const again = await ingestDocument(store, doc);
    expect(again).toEqual({ status: 'duplicate', documentId: 'kyiv-post', people: first.people, events: first.events });
    // Even under another id and through the lower level: the bytes decide.
    expect((await saveExtraction(store, { ...doc, id: 'other-id' }, extraction)).status).toBe('duplicate');
    expect(await exportJson(store)).toBe(before);
    expect((await summarizeStore(store)).documents).toBe(1);
  });

  it('gives a taken id a suffix when the bytes differ', async () => {
    const a = await ingestDocument(store, buildSourceDocument({ id: 'same', text: 'First text.' }));
    const b = await ingestDocument(store, buildSourceDocument({ id: 'same', text: 'Second text.' }));
    const c = await ingestDocument(store, buildSourceDocument({ id: 'same', text: 'Third text.' }));
    expect([a.documentId, b.documentId, c.documentId]).toEqual(['same', 'same-2', 'same-3']);
    expect(await store.documents.getText('same-2')).toBe('Second text.');
  });

  it('leaves no trace of a document when saving fails midway', async () => {
    const { doc, extraction } = exileReport();
    // The real store, with event writes failing after the document, entities and mentions went in.
    const diskFull = async (): Promise<never> => {
      throw new Error('disk full');
    };
    const failingTx = (tx: Store): Store => ({ ...tx, events: { ...tx.events, insert: diskFull, insertMany: diskFull } });
    const failing: Store = {
      ...store,
      transaction: (fn) => store.transaction((tx) => fn(failingTx(tx))),
      concurrentTransaction: (fn) => store.concurrentTransaction((tx) => fn(failingTx(tx))),
    };
    await expect(saveExtraction(failing, doc, extraction)).rejects.toThrow('disk full');

    expect(await summarizeStore(store)).toEqual({
      documents: 0,
      people: 0,
      organizations: 0,
      places: 0,
      events: 0,
      eventsByType: {},
    });
    expect(await store.documents.findBySha256(doc.sha256)).toBeNull();
    expect(await store.timexes.listForDocument('kyiv-post')).toEqual([]);
    expect(await store.search.search('refugee')).toEqual([]);
    // And the same document then goes in cleanly.
    expect((await saveExtraction(store, doc, extraction)).status).toBe('added');
  });

  it('rejects an extraction whose spans do not quote the text, storing nothing', async () => {
    const { doc, extraction } = exileReport();
    const broken = structuredClone(extraction);
    const mention = broken.entities[0]?.mentions[0];
    if (mention) mention.end += 3;
    await expect(saveExtraction(store, doc, broken)).rejects.toThrow(ValidationError);
    await expect(saveExtraction(store, doc, broken)).rejects.toThrow(/fixtures\/report-\d+\.txt: extraction entity e1 mention 1/);
    const unknownRef = structuredClone(extraction);
    const event = unknownRef.events[0];
    if (event) event.subject = 'e99';
    await expect(saveExtraction(store, doc, unknownRef)).rejects.toThrow(/subject e99 is not an entity/);
    expect(await store.documents.count()).toBe(0);
  });

  it('rejects bytes that do not match their hash', async () => {
    const doc = buildSourceDocument({ text: 'Some text.' });
    await expect(ingestDocument(store, { ...doc, sha256: 'f'.repeat(64) })).rejects.toThrow(BadInputError);
  });

  it('makes a person named in full in two documents one person, merging aliases, attributes and mentions', async () => {
    const a = exileReport();
    const b = prisonReport();
    await saveExtraction(store, a.doc, a.extraction);
    await saveExtraction(store, b.doc, b.extraction);
    const people = await store.entities.findByName('person', 'aidos sadykov');
    expect(people).toHaveLength(1);
    const person = people[0];
    expect(person?.id).toBe('kyiv-post:e1');
    expect(person?.aliases).toEqual(['Sadykov']);
    expect(person?.attributes).toEqual({ roles: ['civic activist', 'journalist'], from: 'Aktobe' });
    const mentions = await store.entities.mentionsOf(['kyiv-post:e1']);
    expect(new Set(mentions.map((m) => m.documentId))).toEqual(new Set(['kyiv-post', 'rfe']));
    // Events of the second document point at the one person.
    expect((await store.events.get('rfe:v1'))?.subjectId).toBe('kyiv-post:e1');
    // "the OSCE" and "OSCE" are one organization.
    expect((await summarizeStore(store)).organizations).toBe(2);
  });

  it('links a surname-only person within its document only', async () => {
    for (const r of [prisonReport(), detentionReport()]) await saveExtraction(store, r.doc, r.extraction);
    const ivanovs = await store.entities.findByName('person', 'ivanov');
    expect(ivanovs.map((p) => p.id)).toEqual(['rfe:e3', 'almaty:e1']);
  });

  it('never links entities of different types', async () => {
    const text = 'Georgia Smith visited Georgia Smith county.';
    const doc = buildSourceDocument({ text });
    await saveExtraction(store, doc, buildExtraction(doc, { entities: [buildEntity(text, 'e1', 'person', 'Georgia Smith')] }));
    const doc2 = buildSourceDocument({ text: `${text} Again.` });
    await saveExtraction(
      store,
      doc2,
      buildExtraction(doc2, { entities: [buildEntity(doc2.text, 'e1', 'place', 'Georgia Smith')] }),
    );
    const summary = await summarizeStore(store);
    expect([summary.people, summary.places]).toEqual([1, 1]);
  });
});

describe('mergeAttributes', () => {
  it('gives the same result whatever order the documents arrive in', () => {
    const a = { roles: ['journalist'], from: 'Aqtobe' };
    const b = { roles: ['civic activist', 'journalist'], from: 'Aktobe' };
    expect(mergeAttributes(a, b)).toEqual(mergeAttributes(b, a));
    expect(mergeAttributes(a, b)).toEqual({ roles: ['civic activist', 'journalist'], from: 'Aktobe' });
  });
});
