import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChronicleExport } from '../domain/chronicle-export.js';
import { readHistory } from '../audit/index.js';
import { saveExtraction } from '../services/ingest.service.js';
import { exileReport, openTempStore, prisonReport } from '../services/testing/scenario.js';
import type { Store } from '../store/index.js';
import { securityDb } from '../store/security-schema.js';
import { exportPublic } from './public-export.js';
import { markSensitivity } from './sensitivity.js';
import { buildRedactor, REDACTION_MARK } from './redaction.js';
import { useFieldKey } from './field-encryption.js';

// Marking anything confidential encrypts it, which needs a key.
beforeAll(() => useFieldKey(randomBytes(32)));
afterAll(() => useFieldKey(null));

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup) await fn();
  cleanup = [];
});

async function render(store: Store, includeText = true): Promise<{ raw: string; parsed: ChronicleExport }> {
  let raw = '';
  await exportPublic(store, (c) => (raw += c), { includeText });
  return { raw, parsed: JSON.parse(raw) as ChronicleExport };
}

async function idOf(store: Store, name: string): Promise<string> {
  for await (const e of store.entities.iterate()) if (e.name === name) return e.id;
  throw new Error(`no entity ${name}`);
}

describe('redaction', () => {
  it('masks whole names case-insensitively and name parts as written, keeping the length', () => {
    const r = buildRedactor(['Aidos Sadykov', 'Sadykov']);
    const text = 'AIDOS SADYKOV met Sadykov’s lawyer; Sadykovich and sadykova are others.';
    const out = r.redact(text);
    expect(out).toHaveLength(text.length);
    expect(out).not.toMatch(/sadykov\b/i);
    expect(out).toContain('Sadykovich');
    expect(out.startsWith(REDACTION_MARK.repeat(13))).toBe(true);
  });
});

describe('public export', () => {
  it('holds only public confirmed facts and no trace of a confidential person', async () => {
    const temp = await openTempStore();
    cleanup.push(temp.dispose);
    const { store } = temp;
    for (const report of [exileReport(), prisonReport()]) await saveExtraction(store, report.doc, report.extraction);
    const sadykov = await idOf(store, 'Aidos Sadykov');
    const actor = { actor: 'editor-1' };
    for (const doc of ['kyiv-post', 'rfe']) await markSensitivity(store, doc, 'public', actor);
    // Every event public; only the ones confirmed below may appear.
    const db = securityDb(store);
    await db.updateTable('events').set({ sensitivity: 'public' }).execute();
    const events = await db.selectFrom('events').select(['id', 'type']).orderBy('id').execute();
    const arrest = events.find((e) => e.type === 'arrest');
    const exile = events.find((e) => e.type === 'exile');
    expect(arrest && exile).toBeTruthy();
    await db.updateTable('events').set({ status: 'confirmed' }).where('id', 'in', [arrest!.id, exile!.id]).execute();
    await markSensitivity(store, exile!.id, 'restricted', actor);
    for await (const e of store.entities.iterate()) await markSensitivity(store, e.id, 'public', actor);

    const before = await render(store);
    expect(before.raw).toContain('Sadykov');
    expect(before.parsed.events.map((e) => e.id)).toEqual([arrest!.id]);

    await markSensitivity(store, sadykov, 'confidential', { actor: 'editor-1', reason: 'at risk' });
    const { raw, parsed } = await render(store);
    expect(raw).not.toMatch(/sadykov|aidos/i);
    expect(parsed.documents.map((d) => d.id).sort()).toEqual(['kyiv-post', 'rfe']);
    expect(parsed.entities.some((e) => e.id === sadykov)).toBe(false);
    expect(raw).not.toContain('civic activist');
    const published = parsed.events[0]!;
    expect(published.subject).toBeNull();
    expect(published.evidence[0]!.text).toContain('Kazakh police arrested');
    // Offsets still point at the same stretch of the (equally redacted) document text.
    const doc = parsed.documents.find((d) => d.id === published.evidence[0]!.document)!;
    expect(doc.text!.slice(published.evidence[0]!.start, published.evidence[0]!.end)).toBe(published.evidence[0]!.text);

    const history = await readHistory(store, sadykov);
    expect(history.at(-1)).toMatchObject({ actor: 'editor-1', action: 'mark', before: { sensitivity: 'public' }, after: { sensitivity: 'confidential' }, reason: 'at risk' });
  });

  it('leaves out restricted documents and attributes marked above public', async () => {
    const temp = await openTempStore();
    cleanup.push(temp.dispose);
    const { store } = temp;
    const report = exileReport();
    await saveExtraction(store, report.doc, report.extraction);
    const sadykov = await idOf(store, 'Aidos Sadykov');
    await markSensitivity(store, sadykov, 'public', { actor: 'a' });
    expect((await render(store)).parsed.documents).toEqual([]);
    await markSensitivity(store, `${sadykov}#from`, 'confidential', { actor: 'a' });
    const entity = (await render(store)).parsed.entities.find((e) => e.id === sadykov)!;
    expect(entity.attributes.from).toBeUndefined();
    expect(entity.mentions).toEqual([]);
    // Known only from a report that is not public: left out even of a public entity.
    expect(entity.attributes.roles).toBeUndefined();
    await markSensitivity(store, report.doc.id, 'public', { actor: 'a' });
    expect((await render(store)).parsed.entities.find((e) => e.id === sadykov)!.attributes.roles).toEqual(['journalist']);
    await expect(markSensitivity(store, 'nope', 'public', { actor: 'a' })).rejects.toThrow(/not found/);
    await expect(markSensitivity(store, sadykov, 'secret', { actor: 'a' })).rejects.toThrow(/sensitivity secret/);
  });
});
