import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/index.js';
import { SEALED_PLACEHOLDER, SEALED_TEXT_PREFIX, useFieldKey } from '../protect/field-encryption.js';
import { markSensitivity } from '../protect/sensitivity.js';
import { sealingDb } from './kysely/sealed-attributes.js';
import type { StoreFactory } from './store-contract.js';
import { buildNewDocument, buildNewEntity, buildNewEvent } from './testing/builders.js';
import type { Store } from './types.js';

const TEXT = 'Sadykov kept the quillfeather ledger hidden in Kyiv until 3 March 2016.';
const WORD = 'quillfeather';
const actor = { actor: 'contract' };

/**
 * Encryption at rest, the same on every engine: a document marked confidential is stored only as
 * ciphertext (text, title, original bytes, every quote of it), is not searchable, reads back whole
 * with the key, and opens again when marked down. Each engine's store test calls this.
 */
export function describeSealingContract(engine: string, factory: StoreFactory): void {
  describe(`encryption at rest (${engine})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    const key = randomBytes(32);
    const saved = process.env.CHRONICLE_KEY;

    beforeAll(() => {
      delete process.env.CHRONICLE_KEY;
    });
    afterAll(() => {
      useFieldKey(null);
      if (saved !== undefined) process.env.CHRONICLE_KEY = saved;
    });
    beforeEach(async () => {
      useFieldKey(key);
      ({ store, dispose } = await factory());
    });
    afterEach(async () => {
      await dispose();
    });

    async function seed(): Promise<void> {
      const original = new TextEncoder().encode(`<p>${TEXT}</p>`);
      await store.documents.insert(
        buildNewDocument({
          id: 'secret',
          title: `The ${WORD} report`,
          text: TEXT,
          original,
          sha256: createHash('sha256').update(original).digest('hex'),
        }),
      );
      await store.entities.insert(buildNewEntity('secret', { id: 'p', name: 'Sadykov', ordinal: 0 }));
      await store.entities.addMentions([{ entityId: 'p', documentId: 'secret', start: 0, end: 7, text: 'Sadykov' }]);
      await store.events.insert(
        buildNewEvent('secret', { id: 'v', subjectId: 'p', evidence: [{ documentId: 'secret', start: 0, end: 39, text: TEXT.slice(0, 39) }] }),
      );
      await store.timexes.insert('secret', [{ start: 58, end: 70, text: '3 March 2016', type: 'DATE', value: '2016-03-03' }]);
      await store.resolution.addAttributeSources([{ entityId: 'p', documentId: 'secret', key: 'hides', value: `${WORD} ledger`, sensitive: false }]);
    }

    /** Every stored text of the document as the engine holds it. */
    async function raw(): Promise<string[]> {
      const db = sealingDb(store);
      const doc = await db.selectFrom('documents').select(['title', 'text']).where('id', '=', 'secret').executeTakeFirstOrThrow();
      const rows = await Promise.all([
        db.selectFrom('mentions').select('text').where('document_id', '=', 'secret').execute(),
        db.selectFrom('evidence').select('text').where('document_id', '=', 'secret').execute(),
        db.selectFrom('timexes').select('text').where('document_id', '=', 'secret').execute(),
        db.selectFrom('entity_attribute_sources').select('value as text').where('document_id', '=', 'secret').execute(),
      ]);
      return [doc.title ?? '', doc.text, ...rows.flat().map((r) => r.text)];
    }

    it('stores a confidential document only as ciphertext, unsearchable, and reads it whole with the key', async () => {
      await seed();
      expect((await store.search.search(WORD)).length).toBeGreaterThan(0);

      await markSensitivity(store, 'secret', 'confidential', actor);
      const stored = await raw();
      expect(stored).toHaveLength(6);
      for (const value of stored) {
        expect(value.startsWith(SEALED_TEXT_PREFIX), value).toBe(true);
        expect(value.toLowerCase()).not.toContain(WORD);
      }
      const bytes = await sealingDb(store)
        .selectFrom('documents')
        .select(['original', 'sealed_original'])
        .where('id', '=', 'secret')
        .executeTakeFirstOrThrow();
      expect(bytes.original.length).toBe(0);
      expect(Buffer.from(bytes.sealed_original ?? []).toString('latin1')).not.toContain(WORD);
      expect(await store.search.search(WORD)).toEqual([]);
      expect(await store.search.search('Sadykov')).toEqual([]);

      expect(await store.documents.getText('secret')).toBe(TEXT);
      expect((await store.documents.get('secret'))?.title).toBe(`The ${WORD} report`);
      expect(Buffer.from((await store.documents.getOriginal('secret'))?.bytes ?? []).toString('utf8')).toBe(`<p>${TEXT}</p>`);
      expect((await store.entities.mentionsOf(['p']))[0]?.text).toBe('Sadykov');
      expect((await store.events.get('v'))?.evidence[0]?.text).toBe(TEXT.slice(0, 39));
      expect((await store.timexes.listForDocument('secret'))[0]?.text).toBe('3 March 2016');
      expect((await store.resolution.attributeSources('p'))[0]?.value).toBe(`${WORD} ledger`);

      useFieldKey(null);
      expect(await store.documents.getText('secret')).toBe(SEALED_PLACEHOLDER);
      expect((await store.documents.get('secret'))?.title).toBe(SEALED_PLACEHOLDER);
      expect((await store.events.get('v'))?.evidence[0]?.text).toBe(SEALED_PLACEHOLDER);
      await expect(store.documents.getOriginal('secret')).rejects.toThrow(/document secret is confidential.*CHRONICLE_KEY/);
      useFieldKey(randomBytes(32));
      await expect(store.documents.getText('secret')).rejects.toThrow(/document secret: cannot decrypt: wrong key/);
    });

    it('opens and re-indexes a document marked down, with the original bytes its hash names', async () => {
      await seed();
      await markSensitivity(store, 'secret', 'confidential', actor);
      await markSensitivity(store, 'secret', 'restricted', actor);
      const stored = await raw();
      expect(stored).toContain(TEXT);
      expect(stored.some((v) => v.startsWith(SEALED_TEXT_PREFIX))).toBe(false);
      const original = await store.documents.getOriginal('secret');
      expect(createHash('sha256').update(original?.bytes ?? new Uint8Array()).digest('hex')).toBe((await store.documents.get('secret'))?.sha256);
      expect((await store.search.search(WORD)).map((h) => h.documentId)).toContain('secret');
      expect((await verifyAuditLog(store)).ok).toBe(true);
    });

    it('refuses to mark confidential without the key, changing nothing', async () => {
      await seed();
      useFieldKey(null);
      const before = await raw();
      await expect(markSensitivity(store, 'secret', 'confidential', actor)).rejects.toThrow(
        /marking document secret restricted → confidential .*needs the encryption key: give --key-file FILE or set CHRONICLE_KEY .*openssl rand -hex 32/,
      );
      expect((await store.documents.get('secret'))?.sensitivity).toBe('restricted');
      expect(await raw()).toEqual(before);
      await expect(markSensitivity(store, 'p', 'confidential', actor)).rejects.toThrow(/needs the encryption key/);
      expect((await store.entities.get('p'))?.sensitivity).toBe('restricted');
    });

    it('still refuses ordinary edits of the original bytes and hash, sealed or not', async () => {
      await seed();
      const db = sealingDb(store);
      const edit = (values: Record<string, unknown>) => db.updateTable('documents').set(values).where('id', '=', 'secret').execute();
      await expect(edit({ original: Buffer.from('forged') })).rejects.toThrow(/immutable/);
      await expect(edit({ original: Buffer.alloc(0) })).rejects.toThrow(/immutable/);
      await markSensitivity(store, 'secret', 'confidential', actor);
      await expect(edit({ sealed_original: Buffer.from('forged') })).rejects.toThrow(/immutable/);
      await expect(edit({ sha256: '0'.repeat(64) })).rejects.toThrow(/immutable/);
      // Only the whole opening (text with bytes) may bring bytes back; PostgreSQL also checks their hash.
      await expect(edit({ original: Buffer.from('forged'), sealed_original: null })).rejects.toThrow(/immutable/);
      if (engine === 'postgres') {
        await expect(edit({ original: Buffer.from('forged'), sealed_original: null, text: TEXT })).rejects.toThrow(/immutable/);
      }
    });

    it('seals a confidential attribute in the entity and in every stated fact, and keeps it sealed on update', async () => {
      await seed();
      await store.entities.update('p', { attributes: { from: 'Aktobe', roles: ['journalist'] } });
      await store.resolution.addAttributeSources([{ entityId: 'p', documentId: 'secret', key: 'from', value: 'Aktobe', sensitive: true }]);
      await markSensitivity(store, 'p#from', 'confidential', actor);
      const db = sealingDb(store);
      const rawEntity = async () => (await db.selectFrom('entities').select('attributes').where('id', '=', 'p').executeTakeFirstOrThrow()).attributes;
      const rawSources = async () =>
        (await db.selectFrom('entity_attribute_sources').select('value').where('entity_id', '=', 'p').where('key', '=', 'from').execute()).map((r) => r.value);
      expect(await rawEntity()).not.toContain('Aktobe');
      expect(await rawEntity()).toContain('journalist');
      for (const value of await rawSources()) expect(value.startsWith(SEALED_TEXT_PREFIX)).toBe(true);
      expect((await store.entities.get('p'))?.attributes).toEqual({ from: 'Aktobe', roles: ['journalist'] });

      // A later report's merge writes the attributes again: the confidential one stays sealed.
      await store.entities.update('p', { attributes: { from: 'Aktobe', roles: ['journalist', 'blogger'] } });
      expect(await rawEntity()).not.toContain('Aktobe');
      await store.resolution.addAttributeSources([{ entityId: 'p', documentId: 'secret', key: 'from', value: 'Aktobe region', sensitive: true }]);
      for (const value of await rawSources()) expect(value.startsWith(SEALED_TEXT_PREFIX)).toBe(true);

      // Without the key a reader sees the placeholder, and writing it back keeps the ciphertext.
      useFieldKey(null);
      const blind = await store.entities.get('p');
      expect(blind?.attributes.from).toBe(SEALED_PLACEHOLDER);
      await store.entities.update('p', { attributes: blind?.attributes ?? {} });
      await expect(store.entities.update('p', { attributes: { from: 'Almaty' } })).rejects.toThrow(/p#from is confidential.*needs the encryption key/);
      useFieldKey(key);
      expect((await store.entities.get('p'))?.attributes.from).toBe('Aktobe');

      await markSensitivity(store, 'p#from', 'restricted', actor);
      expect(await rawEntity()).toContain('Aktobe');
      expect(await rawSources()).toEqual(expect.arrayContaining(['"Aktobe"', '"Aktobe region"']));
    });
  });
}
