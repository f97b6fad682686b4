import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { LATEST_VERSION } from './migrations/index.js';
import { buildNewDocument, buildNewEntity, buildNewEvent } from './testing/builders.js';
import type { Store } from './types.js';

/** Opens a fresh, empty store and says how to dispose of it. */
export type StoreFactory = () => Promise<{ store: Store; dispose: () => Promise<void> }>;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * The behaviour every Store implementation must have. Each engine's test file calls this with a
 * factory for real, empty stores of that engine (SQLite files in a temp folder, a PostgreSQL schema).
 */
export function describeStoreContract(engine: string, factory: StoreFactory): void {
  describe(`Store contract (${engine})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await factory());
    });
    afterEach(async () => {
      await dispose();
    });

    it('is fully migrated', async () => {
      expect(await store.schemaVersion()).toBe(LATEST_VERSION);
    });

    describe('documents', () => {
      it('stores metadata, text and the original bytes unchanged', async () => {
        const bytes = new Uint8Array([0, 255, 10, 13, 200]);
        const doc = buildNewDocument({ id: 'kp-1', text: 'Plain text.', original: bytes, mediaType: 'text/html' });
        await store.documents.insert(doc);

        const got = await store.documents.get('kp-1');
        expect(got).toMatchObject({ id: 'kp-1', title: doc.title, sha256: doc.sha256, mediaType: 'text/html' });
        expect(got?.sensitivity).toBe('restricted');
        expect(await store.documents.getText('kp-1')).toBe('Plain text.');
        const original = await store.documents.getOriginal('kp-1');
        expect(original && [...original.bytes]).toEqual([...bytes]);
        expect((await store.documents.findBySha256(doc.sha256))?.id).toBe('kp-1');
        expect(await store.documents.exists('kp-1')).toBe(true);
        expect(await store.documents.exists('kp-2')).toBe(false);
        expect(await store.documents.get('kp-2')).toBeNull();
      });

      it('refuses a second document with the same bytes hash', async () => {
        const doc = buildNewDocument();
        await store.documents.insert(doc);
        await expect(store.documents.insert(buildNewDocument({ sha256: doc.sha256 }))).rejects.toThrow();
        expect(await store.documents.count()).toBe(1);
      });

      it('lists documents in ingest order across pages', async () => {
        const ids = ['z', 'a', 'm', 'b', 'y'];
        for (const id of ids) await store.documents.insert(buildNewDocument({ id }));
        const listed = await collect(store.documents.iterate(2));
        expect(listed.map((d) => d.id)).toEqual(ids);
        expect(await store.documents.count()).toBe(5);
      });
    });

    describe('entities', () => {
      it('keeps aliases and link keys without duplicates and finds entities by them', async () => {
        await store.documents.insert(buildNewDocument({ id: 'd1' }));
        const person = buildNewEntity('d1', { id: 'd1:e1', name: 'Aidos Sadykov', nameKey: 'aidos sadykov' });
        await store.entities.insert(person);
        await store.entities.addAliases('d1:e1', [
          { alias: 'Sadykov', aliasKey: 'sadykov' },
          { alias: 'Sadykov', aliasKey: 'sadykov' },
        ]);
        await store.entities.addAliases('d1:e1', [{ alias: 'A. Sadykov', aliasKey: 'a. sadykov' }]);
        await store.entities.addKeys('d1:e1', ['person:aidos sadykov', 'person:aidos sadykov']);

        const got = await store.entities.get('d1:e1');
        expect(got).toMatchObject({ name: 'Aidos Sadykov', type: 'person', status: 'suggested', sensitivity: 'restricted' });
        expect(got?.aliases).toEqual(['A. Sadykov', 'Sadykov']);
        expect((await store.entities.findByKeys(['person:aidos sadykov'])).map((e) => e.id)).toEqual(['d1:e1']);
        expect(await store.entities.findByKeys(['person:sadykov'])).toEqual([]);
        expect((await store.entities.findByName('person', 'sadykov')).map((e) => e.id)).toEqual(['d1:e1']);
        expect(await store.entities.findByName('place', 'sadykov')).toEqual([]);
      });

      it('ranks an exact name before an alias match', async () => {
        await store.documents.insert(buildNewDocument({ id: 'd1' }));
        await store.entities.insert(buildNewEntity('d1', { id: 'a', name: 'Nurlan Ali', nameKey: 'nurlan ali', ordinal: 1 }));
        await store.entities.addAliases('a', [{ alias: 'Ali', aliasKey: 'ali' }]);
        await store.entities.insert(buildNewEntity('d1', { id: 'b', name: 'Ali', nameKey: 'ali', ordinal: 2 }));
        expect((await store.entities.findByName('person', 'ali')).map((e) => e.id)).toEqual(['b', 'a']);
      });

      it('updates name and attributes', async () => {
        await store.documents.insert(buildNewDocument({ id: 'd1' }));
        await store.entities.insert(buildNewEntity('d1', { id: 'x', attributes: { roles: ['journalist'] } }));
        await store.entities.update('x', { attributes: { roles: ['journalist', 'activist'], from: 'Aktobe' } });
        expect((await store.entities.get('x'))?.attributes).toEqual({ roles: ['journalist', 'activist'], from: 'Aktobe' });
      });

      it('keeps mentions per document, ordered by document and offset, and enforces references', async () => {
        await store.documents.insert(buildNewDocument({ id: 'd1' }));
        await store.documents.insert(buildNewDocument({ id: 'd2' }));
        await store.entities.insert(buildNewEntity('d1', { id: 'p' }));
        await store.entities.addMentions([
          { entityId: 'p', documentId: 'd2', start: 5, end: 9, text: 'Anna' },
          { entityId: 'p', documentId: 'd1', start: 30, end: 34, text: 'Anna' },
          { entityId: 'p', documentId: 'd1', start: 0, end: 4, text: 'Anna' },
        ]);
        const mentions = await store.entities.mentionsOf(['p']);
        expect(mentions.map((m) => [m.documentId, m.start])).toEqual([
          ['d1', 0],
          ['d1', 30],
          ['d2', 5],
        ]);
        await expect(
          store.entities.addMentions([{ entityId: 'p', documentId: 'nope', start: 0, end: 1, text: 'A' }]),
        ).rejects.toThrow();
        expect(await store.entities.countInDocument('d1')).toEqual({ person: 1, organization: 0, place: 0 });
      });

      it('lists entities in first-seen order across pages and counts them', async () => {
        await store.documents.insert(buildNewDocument({ id: 'd1' }));
        await store.documents.insert(buildNewDocument({ id: 'd2' }));
        await store.entities.insert(buildNewEntity('d2', { id: 'late', ordinal: 0 }));
        await store.entities.insert(buildNewEntity('d1', { id: 'b', ordinal: 1 }));
        await store.entities.insert(buildNewEntity('d1', { id: 'a', ordinal: 0 }));
        await store.entities.insert(buildNewEntity('d1', { id: 'kyiv', type: 'place', name: 'Kyiv', ordinal: 2 }));
        await store.entities.insert(buildNewEntity('d1', { id: 'c', ordinal: 3 }));
        expect((await collect(store.entities.iterate({ pageSize: 2 }))).map((e) => e.id)).toEqual([
          'a',
          'b',
          'kyiv',
          'c',
          'late',
        ]);
        expect((await collect(store.entities.iterate({ type: 'place' }))).map((e) => e.id)).toEqual(['kyiv']);
        expect(await store.entities.countByType()).toEqual({ person: 4, organization: 0, place: 1 });
      });
    });

    describe('events', () => {
      async function seed(): Promise<void> {
        await store.documents.insert(buildNewDocument({ id: 'd1' }));
        await store.documents.insert(buildNewDocument({ id: 'd2' }));
        await store.entities.insert(buildNewEntity('d1', { id: 'p', ordinal: 0 }));
        await store.entities.insert(buildNewEntity('d1', { id: 'court', type: 'organization', name: 'Court', ordinal: 1 }));
      }

      it('stores an event with its evidence and reads it back', async () => {
        await seed();
        const event = buildNewEvent('d1', {
          id: 'd1:v1',
          type: 'sentence',
          subjectId: 'p',
          agentId: 'court',
          dateFrom: '2016-04',
          dateTo: '2016-05',
          dateText: 'in April',
          duration: 'P2Y',
          penalty: 'prison',
          confidence: 0.75,
          evidence: [{ documentId: 'd1', start: 0, end: 5, text: 'Aidos' }],
        });
        await store.events.insert(event);
        await store.events.addEvidence('d1:v1', [{ documentId: 'd2', start: 3, end: 8, text: 'later' }]);
        const got = await store.events.get('d1:v1');
        expect(got).toMatchObject({
          type: 'sentence',
          subjectId: 'p',
          agentId: 'court',
          dateFrom: '2016-04',
          dateTo: '2016-05',
          duration: 'P2Y',
          penalty: 'prison',
          confidence: 0.75,
          status: 'suggested',
          sensitivity: 'restricted',
          firstDocumentId: 'd1',
        });
        expect(got?.evidence).toEqual([
          { documentId: 'd1', start: 0, end: 5, text: 'Aidos' },
          { documentId: 'd2', start: 3, end: 8, text: 'later' },
        ]);
        expect(await store.events.countInDocument('d2')).toBe(1);
      });

      it('refuses an event pointing at an unknown entity', async () => {
        await seed();
        await expect(store.events.insert(buildNewEvent('d1', { subjectId: 'ghost' }))).rejects.toThrow();
      });

      it('lists events by type and by participant, and counts them', async () => {
        await seed();
        await store.events.insert(buildNewEvent('d2', { id: 'e3', ordinal: 0, type: 'release', subjectId: 'p' }));
        await store.events.insert(buildNewEvent('d1', { id: 'e2', ordinal: 1, type: 'arrest', agentId: 'p' }));
        await store.events.insert(buildNewEvent('d1', { id: 'e1', ordinal: 0, type: 'arrest' }));
        await store.events.insert(buildNewEvent('d1', { id: 'e4', ordinal: 2, type: 'trial', placeId: 'court' }));
        expect((await collect(store.events.iterate({ pageSize: 1 }))).map((e) => e.id)).toEqual(['e1', 'e2', 'e4', 'e3']);
        expect((await collect(store.events.iterate({ type: 'arrest' }))).map((e) => e.id)).toEqual(['e1', 'e2']);
        expect((await store.events.listForEntity('p')).map((e) => e.id)).toEqual(['e2', 'e3']);
        expect(await store.events.countByType()).toEqual({ arrest: 2, release: 1, trial: 1 });
        const people = await store.entities.listWithEventCounts('person');
        expect(people.map((p) => [p.id, p.eventCount])).toEqual([['p', 2]]);
        const orgs = await store.entities.listWithEventCounts('organization');
        expect(orgs.map((p) => [p.id, p.eventCount])).toEqual([['court', 1]]);
      });
    });

    describe('batched forms used by linking', () => {
      async function seed(): Promise<void> {
        await store.documents.insert(buildNewDocument({ id: 'd1' }));
        await store.entities.insertMany([
          buildNewEntity('d1', { id: 'a', name: 'Aidos Sadykov', attributes: { roles: ['journalist'] } }),
          buildNewEntity('d1', { id: 'b', name: 'Bolat Sadykov' }),
          buildNewEntity('d1', { id: 'o', type: 'organization', name: 'Sadykov Foundation' }),
        ]);
        await store.entities.addAliasesOf([
          { entityId: 'a', alias: 'Sadykov', aliasKey: 'sadykov' },
          { entityId: 'a', alias: 'A. Sadykov', aliasKey: 'a. sadykov' },
          { entityId: 'a', alias: 'Sadykov', aliasKey: 'sadykov' },
        ]);
        await store.entities.addKeysOf(['a', 'b', 'o'].map((entityId) => ({ entityId, key: 'p:s:sadykov' })));
        await store.entities.addKeysOf([{ entityId: 'a', key: 'p:n:aidos sadykov' }]);
        await store.resolution.addFeaturesOf([
          { entityId: 'a', feature: 'place:almaty' },
          { entityId: 'a', feature: 'org:hrw' },
          { entityId: 'b', feature: 'place:almaty' },
        ]);
      }

      it('reads candidate blocks at once exactly as one by one', async () => {
        await seed();
        const requests = [
          { type: 'person' as const, keys: ['p:s:sadykov'], limit: 50, features: ['place:almaty'] },
          { type: 'person' as const, keys: ['p:n:aidos sadykov'], limit: 50 },
          { type: 'organization' as const, keys: ['p:s:sadykov', 'p:n:aidos sadykov'], limit: 50, features: [] },
          // The limit cuts this block: which entity it keeps is the single query's choice.
          { type: 'person' as const, keys: ['p:s:sadykov'], limit: 1, features: ['org:hrw'] },
          { type: 'person' as const, keys: [], limit: 50 },
          { type: 'place' as const, keys: ['p:n:aidos sadykov'], limit: 50 },
        ];
        const one = await Promise.all(requests.map((r) => store.resolution.candidates(r.type, r.keys, r.limit, r.features)));
        expect(await store.resolution.candidatesMany(requests)).toEqual(one);
        expect(one[1]?.map((c) => [c.id, c.names[0], [...c.names].sort(), [...c.context].sort()])).toEqual([
          ['a', 'Aidos Sadykov', ['A. Sadykov', 'Aidos Sadykov', 'Sadykov'], ['org:hrw', 'place:almaty', 'role:journalist']],
        ]);
        expect(one[2]?.map((c) => c.id)).toEqual(['o']);
        expect(one[3]).toHaveLength(1);
      });

      it('reads the events of several (subject, type) pairs as eventsOf reads each', async () => {
        await seed();
        await store.events.insertMany([
          buildNewEvent('d1', { id: 'v1', subjectId: 'a', type: 'arrest', evidence: [{ documentId: 'd1', start: 0, end: 5, text: 'Aidos' }] }),
          buildNewEvent('d1', { id: 'v2', subjectId: 'a', type: 'arrest' }),
          buildNewEvent('d1', { id: 'v3', subjectId: 'b', type: 'arrest', evidence: [{ documentId: 'd1', start: 6, end: 13, text: 'Sadykov' }] }),
          buildNewEvent('d1', { id: 'v4', subjectId: 'a', type: 'sentence' }),
        ]);
        await store.events.addEvidenceOf([
          { eventId: 'v2', documentId: 'd1', start: 14, end: 17, text: 'was' },
          { eventId: 'v1', documentId: 'd1', start: 18, end: 25, text: 'granted' },
        ]);
        // An updated row moves in PostgreSQL's heap: the batched read must still follow each pair's own order.
        const [first] = await store.resolution.eventsOf('a', 'arrest');
        if (first) await store.resolution.updateEvent(first.id, { ...first.report, charge: 'hooliganism' });
        const pairs = [
          { subjectId: 'a', type: 'arrest' },
          { subjectId: 'b', type: 'arrest' },
          { subjectId: 'a', type: 'sentence' },
          { subjectId: 'a', type: 'release' },
        ];
        const many = await store.resolution.eventsOfMany(pairs);
        for (const p of pairs) {
          const own = many.filter((e) => e.report.subjectId === p.subjectId && e.report.type === p.type);
          expect(own).toEqual(await store.resolution.eventsOf(p.subjectId, p.type));
        }
        expect(many).toHaveLength(4);
        expect((await store.events.get('v1'))?.evidence.map((e) => e.text)).toEqual(['Aidos', 'granted']);
        expect((await store.events.get('v2'))?.evidence.map((e) => e.text)).toEqual(['was']);
        expect((await store.search.search('granted')).filter((h) => h.kind === 'evidence').map((h) => h.eventId)).toEqual(['v1']);
      });

      it('numbers log entries in the order given, after those already there', async () => {
        await seed();
        const entry = (entityId: string) => ({
          at: '2026-01-01T00:00:00.000Z',
          actor: 'system',
          action: 'new' as const,
          entityId,
          otherId: null,
          documentId: 'd1',
          rule: 'new',
          score: 0,
          detail: null,
        });
        await store.resolution.log(entry('b'));
        await store.resolution.logMany([entry('a'), entry('o'), entry('a')]);
        await store.resolution.logMany([]);
        expect((await store.resolution.logFor('a')).map((e) => e.seq)).toEqual([2, 4]);
        expect((await store.resolution.logFor('o')).map((e) => e.seq)).toEqual([3]);
      });
    });

    it('stores timexes in order, with their mod', async () => {
      await store.documents.insert(buildNewDocument({ id: 'd1' }));
      await store.timexes.insert('d1', [
        { start: 10, end: 20, text: 'in mid-2016', type: 'DATE', value: '2016', mod: 'MID' },
        { start: 0, end: 9, text: 'two years', type: 'DURATION', value: 'P2Y' },
      ]);
      expect(await store.timexes.listForDocument('d1')).toEqual([
        { start: 10, end: 20, text: 'in mid-2016', type: 'DATE', value: '2016', mod: 'MID' },
        { start: 0, end: 9, text: 'two years', type: 'DURATION', value: 'P2Y' },
      ]);
    });

    describe('transactions', () => {
      it('commits every write of the function', async () => {
        const result = await store.transaction(async (tx) => {
          await tx.documents.insert(buildNewDocument({ id: 'd1' }));
          await tx.entities.insert(buildNewEntity('d1', { id: 'p' }));
          return 'done';
        });
        expect(result).toBe('done');
        expect(await store.entities.get('p')).not.toBeNull();
      });

      it('rolls every write back when the function throws', async () => {
        await expect(
          store.transaction(async (tx) => {
            await tx.documents.insert(buildNewDocument({ id: 'd1', text: 'unique marker words' }));
            await tx.entities.insert(buildNewEntity('d1', { id: 'p' }));
            await tx.timexes.insert('d1', [{ start: 0, end: 6, text: 'unique', type: 'DATE', value: '2016' }]);
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.documents.count()).toBe(0);
        expect(await store.entities.get('p')).toBeNull();
        expect(await store.timexes.listForDocument('d1')).toEqual([]);
        expect(await store.search.search('marker')).toEqual([]);
      });

      it('joins an outer transaction when nested', async () => {
        await expect(
          store.transaction(async (tx) => {
            await tx.transaction(async (inner) => inner.documents.insert(buildNewDocument({ id: 'd1' })));
            throw new Error('outer fails');
          }),
        ).rejects.toThrow('outer fails');
        expect(await store.documents.exists('d1')).toBe(false);
      });
    });

    describe('search', () => {
      async function seed(): Promise<void> {
        await store.documents.insert(
          buildNewDocument({
            id: 'refugees',
            title: 'Activists in Kyiv',
            text: 'Two activists are awaiting political refugee status in Ukraine. Refugee camps are full.',
          }),
        );
        await store.documents.insert(
          buildNewDocument({
            id: 'other',
            title: 'Refugee status denied',
            text: 'The status of the refugee was not discussed.',
          }),
        );
        await store.entities.insert(buildNewEntity('refugees', { id: 'p' }));
        await store.events.insert(
          buildNewEvent('refugees', {
            id: 'refugees:v1',
            type: 'asylum_application',
            subjectId: 'p',
            evidence: [{ documentId: 'refugees', start: 0, end: 62, text: 'Two activists are awaiting political refugee status in Ukraine' }],
          }),
        );
      }

      it('matches a phrase, with snippet, highlights and offsets', async () => {
        await seed();
        const hits = await store.search.search('"refugee status"');
        const doc = hits.find((h) => h.kind === 'document' && h.documentId === 'refugees');
        expect(doc).toBeDefined();
        expect(doc?.documentTitle).toBe('Activists in Kyiv');
        expect([doc?.start, doc?.end]).toEqual([37, 51]);
        const highlighted = doc?.highlights.map((h) => doc.snippet.slice(h.start, h.end).toLowerCase());
        expect(highlighted).toContain('refugee status');
        const evidence = hits.find((h) => h.kind === 'evidence');
        expect(evidence).toMatchObject({ documentId: 'refugees', eventId: 'refugees:v1', start: 0, end: 62 });
        // "other" has both words but never as the phrase in its text; its title has it.
        const other = hits.find((h) => h.documentId === 'other');
        expect(other?.start).toBeNull();
        expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      });

      it('supports prefixes, OR and exclusion', async () => {
        await seed();
        const ids = async (q: string): Promise<string[]> =>
          [...new Set((await store.search.search(q)).filter((h) => h.kind === 'document').map((h) => h.documentId))].sort();
        expect(await ids('activ*')).toEqual(['refugees']);
        expect(await ids('camps OR discussed')).toEqual(['other', 'refugees']);
        expect(await ids('refugee -camps')).toEqual(['other']);
        expect(await ids('nothinglikethis')).toEqual([]);
      });

      it('turns a malformed query into a ValidationError', async () => {
        await seed();
        for (const q of ['"refugee status', '', 'OR refugee', 'refugee OR', '-refugee', '***', 'a*b']) {
          await expect(store.search.search(q), q).rejects.toBeInstanceOf(ValidationError);
        }
        // Characters that are FTS syntax are searched as plain words.
        await expect(store.search.search('refugee) AND (NEAR')).resolves.toBeDefined();
        await expect(store.search.search('status:refugee ^camps')).resolves.toBeDefined();
      });

      it('respects the limit', async () => {
        await seed();
        expect(await store.search.search('refugee', { limit: 1 })).toHaveLength(1);
      });
    });
  });
}
