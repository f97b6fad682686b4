import { createHash } from 'node:crypto';
import type { EventReport } from '../link/resolution/index.js';
import { BadInputError } from '../errors.js';
import type { Store } from '../store/index.js';
import { forgetJobPayload, sealingDb } from '../store/kysely/sealed-attributes.js';
import { isSealedBytes, isSealedText, openBytes, openText, sealBytes, sealJson, sealText } from './field-encryption.js';

/*
 * Encryption at rest of confidential records. Sealing a document replaces, in one transaction, its
 * title, text and original bytes and every stored quote of it (mention, evidence and timex texts, the
 * quotes inside its event reports, the facts it states) by AES-256-GCM ciphertext; the search index
 * triggers drop it from the index (migration 006). Opening is the exact reverse. Facts about an entity
 * (its attributes) are sealed while the attribute, or the entity without a mark of its own, is
 * confidential. Entity names, aliases and link keys stay plain: resolution matches on them, and the
 * public export already redacts confidential people's names.
 */


type TextChange = (value: string) => string;

/** Seals (`seal` true) or opens every stored text of document `id`; a document already in that state is left as it is. */
export async function setDocumentSealed(tx: Store, id: string, seal: boolean, key: Buffer): Promise<void> {
  const db = sealingDb(tx);
  const where = `document ${id}`;
  const doc = await db
    .selectFrom('documents')
    .select(['title', 'text', 'original', 'sealed_original', 'sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!doc || isSealedText(doc.text) === seal) return;
  const change: TextChange = seal ? (v) => sealText(v, key) : (v) => openText(v, key, where);

  if (seal) {
    await db
      .updateTable('documents')
      .set({
        title: doc.title === null ? null : change(doc.title),
        text: change(doc.text),
        sealed_original: sealBytes(doc.original, key),
        original: Buffer.alloc(0),
      })
      .where('id', '=', id)
      .execute();
    await forgetJobPayload(tx, doc.sha256);
  } else {
    if (!isSealedBytes(doc.sealed_original)) throw new BadInputError(where, 'sealed text without sealed original bytes');
    const original = openBytes(doc.sealed_original, key, where);
    // The bytes that come back must be the very bytes the hash was taken of.
    if (createHash('sha256').update(original).digest('hex') !== doc.sha256) {
      throw new BadInputError(where, 'decrypted original bytes do not match the document hash');
    }
    await db
      .updateTable('documents')
      .set({ title: doc.title === null ? null : change(doc.title), text: change(doc.text), original, sealed_original: null })
      .where('id', '=', id)
      .execute();
  }

  for (const m of await db.selectFrom('mentions').select(['entity_id', 'start', 'end', 'text']).where('document_id', '=', id).execute()) {
    await db
      .updateTable('mentions')
      .set({ text: change(m.text) })
      .where('entity_id', '=', m.entity_id)
      .where('document_id', '=', id)
      .where('start', '=', m.start)
      .where('end', '=', m.end)
      .execute();
  }
  for (const e of await db.selectFrom('evidence').select(['seq', 'text']).where('document_id', '=', id).execute()) {
    await db.updateTable('evidence').set({ text: change(e.text) }).where('seq', '=', e.seq).execute();
  }
  for (const t of await db.selectFrom('timexes').select(['ordinal', 'text']).where('document_id', '=', id).execute()) {
    await db.updateTable('timexes').set({ text: change(t.text) }).where('document_id', '=', id).where('ordinal', '=', t.ordinal).execute();
  }
  for (const r of await db.selectFrom('event_reports').select(['event_id', 'report']).where('document_id', '=', id).execute()) {
    await db
      .updateTable('event_reports')
      .set({ report: JSON.stringify(changeReportQuotes(JSON.parse(r.report) as EventReport, change)) })
      .where('event_id', '=', r.event_id)
      .where('document_id', '=', id)
      .where('report', '=', r.report)
      .execute();
  }
  const entityIds = await db.selectFrom('entity_attribute_sources').select('entity_id').distinct().where('document_id', '=', id).execute();
  for (const { entity_id } of entityIds) await syncAttributeSeals(tx, entity_id, key);
}

function changeReportQuotes(report: EventReport, change: TextChange): EventReport {
  return {
    ...report,
    date: report.date ? { ...report.date, text: change(report.date.text) } : report.date,
    evidence: report.evidence.map((e) => ({ ...e, text: change(e.text) })),
  };
}

/**
 * Brings an entity's stored facts in line with its marks: an attribute's values (in the entity and in
 * each fact a document states) are sealed while the attribute is confidential — by its own mark, else
 * by the entity's level — and a fact stated by a confidential document stays sealed whatever the mark.
 */
export async function syncAttributeSeals(tx: Store, entityId: string, key: Buffer): Promise<void> {
  const db = sealingDb(tx);
  const entity = await db.selectFrom('entities').select(['attributes', 'sensitivity']).where('id', '=', entityId).executeTakeFirst();
  if (!entity) return;
  const marks = await db
    .selectFrom('attribute_sensitivity')
    .select(['attribute', 'sensitivity'])
    .where('entity_id', '=', entityId)
    .execute();
  const own = new Map(marks.map((m) => [m.attribute, m.sensitivity]));
  const confidential = (attribute: string): boolean => (own.get(attribute) ?? entity.sensitivity) === 'confidential';
  const where = (attribute: string) => `entity ${entityId}#${attribute}`;

  const attributes = JSON.parse(entity.attributes) as Record<string, unknown>;
  let changed = false;
  for (const [attribute, value] of Object.entries(attributes)) {
    if (confidential(attribute) && !isSealedText(value)) attributes[attribute] = sealJson(value, key);
    else if (!confidential(attribute) && isSealedText(value)) attributes[attribute] = JSON.parse(openText(value, key, where(attribute))) as unknown;
    else continue;
    changed = true;
  }
  if (changed) await db.updateTable('entities').set({ attributes: JSON.stringify(attributes) }).where('id', '=', entityId).execute();

  const sources = await db
    .selectFrom('entity_attribute_sources')
    .innerJoin('documents', 'documents.id', 'entity_attribute_sources.document_id')
    .select(['entity_attribute_sources.document_id', 'entity_attribute_sources.key', 'entity_attribute_sources.value', 'documents.sensitivity'])
    .where('entity_attribute_sources.entity_id', '=', entityId)
    .execute();
  for (const s of sources) {
    const seal = confidential(s.key) || s.sensitivity === 'confidential';
    if (seal === isSealedText(s.value)) continue;
    await db
      .updateTable('entity_attribute_sources')
      .set({ value: seal ? sealText(s.value, key) : openText(s.value, key, where(s.key)) })
      .where('entity_id', '=', entityId)
      .where('document_id', '=', s.document_id)
      .where('key', '=', s.key)
      .where('value', '=', s.value)
      .execute();
  }
}
