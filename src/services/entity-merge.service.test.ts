import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFieldKey } from '../protect/field-encryption.js';
import { attributeMarks, markSensitivity } from '../protect/sensitivity.js';
import { kyselyOf } from '../store/index.js';
import { ValidationError } from '../errors.js';
import { buildExtraction } from '../link/resolution/testing/build-extraction.js';
import { fixtureReports } from '../link/resolution/testing/fixture-reports.js';
import type { Store } from '../store/index.js';
import { getCaseFile } from './case-file.service.js';
import { mergeEntities, splitEntity } from './entity-merge.service.js';
import { saveExtraction } from './ingest.service.js';
import { buildSourceDocument } from './testing/builders.js';
import { openTempStore } from './testing/scenario.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/resolution/', import.meta.url));
const reviewer = { actor: 'reviewer@example.org', now: new Date('2026-02-01T00:00:00Z') };

let store: Store;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ store, dispose } = await openTempStore());
});
afterEach(async () => dispose());

async function ingest(id: string, file: string): Promise<void> {
  const extraction = fixtureReports().find((r) => r.document.id === id);
  if (!extraction) throw new Error(`no fixture ${id}`);
  const text = readFileSync(`${FIXTURES}${file}`, 'utf8');
  await saveExtraction(store, buildSourceDocument({ id, text }), extraction);
}

async function personId(name: string): Promise<string> {
  const [found] = await store.entities.findByName('person', name.toLowerCase());
  if (!found) throw new Error(`no person ${name}`);
  return found.id;
}

describe('mergeEntities', () => {
  it('joins two people, redirects the old id and logs who and why', async () => {
    await ingest('01-steppe-post', '01-steppe-post-sadykov.txt');
    await ingest('04-farm-news', '04-farm-news-bolat-sadykov.txt');
    const aidos = await personId('Aidos Sadykov');
    const bolat = await personId('Bolat Sadykov');
    const outcome = await mergeEntities(store, aidos, bolat, { ...reviewer, reason: 'test' });
    expect(outcome).toMatchObject({ survivorId: aidos, mergedId: bolat });
    expect(await store.entities.get(bolat)).toBeNull();
    expect(await store.resolution.currentId(bolat)).toBe(aidos);
    const file = await getCaseFile(store, bolat);
    expect(file.entity.id).toBe(aidos);
    expect(file.names.map((n) => n.name)).toContain('Bolat Sadykov');
    expect(file.resolution.at(-1)).toMatchObject({ action: 'merge', actor: reviewer.actor, rule: 'reviewer', otherId: bolat });
    await expect(mergeEntities(store, aidos, bolat, reviewer)).rejects.toThrow(ValidationError);
  });

  it('refuses a merge that moves sealed facts without the key, or with another key, changing nothing', async () => {
    await ingest('01-steppe-post', '01-steppe-post-sadykov.txt');
    await ingest('04-farm-news', '04-farm-news-bolat-sadykov.txt');
    const aidos = await personId('Aidos Sadykov');
    const bolat = await personId('Bolat Sadykov');
    const address = 'Flat 4, 12 Khreshchatyk Street';
    await store.entities.update(bolat, { attributes: { ...(await store.entities.get(bolat))?.attributes, address } });
    useFieldKey(randomBytes(32));
    try {
      await markSensitivity(store, `${bolat}#address`, 'confidential', { actor: 'editor' });
      await markSensitivity(store, bolat, 'public', { actor: 'editor' });

      // Without the key the merge cannot seal what it moves, so it is refused and nothing changes.
      useFieldKey(null);
      await expect(mergeEntities(store, aidos, bolat, reviewer)).rejects.toThrow(/key/i);
      expect(await store.entities.get(bolat)).not.toBeNull();
      expect((await attributeMarks(store, [aidos])).get(aidos)).toBeUndefined();

      useFieldKey(randomBytes(32)); // a different key: the merged value cannot be read with it
      await expect(mergeEntities(store, aidos, bolat, reviewer)).rejects.toThrow();
    } finally {
      useFieldKey(null);
    }
  });

  it('merges a confidential entity into a restricted one as a confidential one, audited as a mark', async () => {
    await ingest('01-steppe-post', '01-steppe-post-sadykov.txt');
    await ingest('04-farm-news', '04-farm-news-bolat-sadykov.txt');
    const aidos = await personId('Aidos Sadykov');
    const bolat = await personId('Bolat Sadykov');
    const key = randomBytes(32);
    useFieldKey(key);
    try {
      const address = 'Flat 4, 12 Khreshchatyk Street';
      await store.entities.update(bolat, { attributes: { ...(await store.entities.get(bolat))?.attributes, address } });
      await markSensitivity(store, `${bolat}#address`, 'confidential', { actor: 'editor' });
      await markSensitivity(store, bolat, 'confidential', { actor: 'editor' });
      expect((await store.entities.get(aidos))?.sensitivity).toBe('restricted');

      await mergeEntities(store, aidos, bolat, reviewer);
      const survivor = await store.entities.get(aidos);
      expect(survivor?.sensitivity).toBe('confidential');
      expect(survivor?.attributes.address).toBe(address);
      expect((await attributeMarks(store, [aidos])).get(aidos)?.get('address')).toBe('confidential');
      const raw = (await kyselyOf(store)?.selectFrom('entities').select('attributes').where('id', '=', aidos).executeTakeFirstOrThrow())?.attributes ?? '';
      expect(raw).not.toContain('Khreshchatyk');
      const marks = await kyselyOf(store)
        ?.withTables<{ audit_log: { action: string; target_id: string; reason: string | null } }>()
        .selectFrom('audit_log')
        .select(['target_id', 'reason'])
        .where('action', '=', 'mark')
        .where('reason', '=', `merged with ${bolat}`)
        .execute();
      expect(marks?.map((m) => m.target_id).sort()).toEqual([aidos, `${aidos}#address`].sort());
    } finally {
      useFieldKey(null);
    }
  });

  it('joins the events the two entities each had of one happening', async () => {
    // Two reports the resolver cannot join: one names him only by an initial, in other company.
    const a = 'Aidos Sadykov was detained in Kyiv on 12 March 2016.';
    const b = 'Police in Kyiv held A. Sadykov in March 2016.';
    for (const [id, text, name] of [['r1', a, 'Aidos Sadykov'], ['r2', b, 'A. Sadykov']] as const) {
      const extraction = buildExtraction(id, text, '2016-03-20', [{ type: 'person', name }], [
        { type: 'arrest', subject: 0, date: { from: id === 'r1' ? '2016-03-12' : '2016-03', text: '' }, evidence: text.slice(0, 20) },
      ]);
      await saveExtraction(store, buildSourceDocument({ id, text }), extraction);
    }
    const people = await store.entities.listWithEventCounts('person');
    expect(people).toHaveLength(2);
    const [first, second] = people;
    const outcome = await mergeEntities(store, first?.id ?? '', second?.id ?? '', reviewer);
    expect(outcome.eventsJoined).toBe(1);
    const events = await store.events.listForEntity(outcome.survivorId);
    expect(events).toHaveLength(1);
    expect(events[0]?.evidence.map((e) => e.documentId).sort()).toEqual(['r1', 'r2']);
    expect(events[0]?.dateFrom).toBe('2016-03-12');
  });
});

describe('splitEntity', () => {
  it('undoes a wrong merge, and the next ingest does not redo it', async () => {
    await ingest('01-steppe-post', '01-steppe-post-sadykov.txt');
    await ingest('04-farm-news', '04-farm-news-bolat-sadykov.txt');
    const aidos = await personId('Aidos Sadykov');
    const bolat = await personId('Bolat Sadykov');
    await mergeEntities(store, aidos, bolat, reviewer);

    const split = await splitEntity(store, aidos, ['04-farm-news'], { ...reviewer, reason: 'different people' });
    expect(split.name).toBe('Bolat Sadykov');
    expect(split.movedMentions).toBe(2);
    expect((await store.entities.get(aidos))?.aliases).not.toContain('Bolat Sadykov');

    // A new report names Bolat Sadykov again, in the company that made the merge tempting.
    const text = 'Bolat Sadykov, the Shymkent farmer, lost his appeal. Sadykov said he would go on.';
    const extraction = buildExtraction('08-farm-news-2', text, '2016-09-01', [
      { type: 'person', name: 'Bolat Sadykov', aliases: ['Sadykov'], attributes: { roles: ['farmer'] } },
      { type: 'place', name: 'Shymkent' },
    ]);
    await saveExtraction(store, buildSourceDocument({ id: '08-farm-news-2', text }), extraction);
    const mentions = await store.entities.mentionsOf([aidos]);
    expect(mentions.some((m) => m.documentId === '08-farm-news-2')).toBe(false);
    const bolatMentions = await store.entities.mentionsOf([split.newEntityId]);
    expect(bolatMentions.some((m) => m.documentId === '08-farm-news-2')).toBe(true);
    expect(await store.resolution.cannotLink(aidos, split.newEntityId)).toBe(true);
  });

  it('selects mentions by document span and by text, and refuses to empty the entity', async () => {
    await ingest('01-steppe-post', '01-steppe-post-sadykov.txt');
    const aidos = await personId('Aidos Sadykov');
    const [first] = await store.entities.mentionsOf([aidos]);
    await expect(splitEntity(store, aidos, ['Aidos Sadykov', 'Sadykov'], reviewer)).rejects.toThrow(/without mentions/);
    await expect(splitEntity(store, aidos, ['nobody'], reviewer)).rejects.toThrow(/no mention/);
    const outcome = await splitEntity(store, aidos, [`${first?.documentId}:${first?.start}-${first?.end}`], reviewer);
    expect(outcome.movedMentions).toBe(1);
  });
});
