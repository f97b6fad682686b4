import type { Sensitivity } from '../domain/chronicle-json.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { appendAudit } from '../audit/index.js';
import type { Store } from '../store/index.js';
import { securityDb } from '../store/security-schema.js';
import { requireFieldKey } from './field-encryption.js';
import { scrubFreedText } from '../store/kysely/sealed-attributes.js';
import { setDocumentSealed, syncAttributeSeals } from './sealing.js';

/** Levels from least to most protected. */
export const SENSITIVITIES: readonly Sensitivity[] = ['public', 'restricted', 'confidential'];

/** True for one of the three levels. */
export function isSensitivity(value: string): value is Sensitivity {
  return (SENSITIVITIES as readonly string[]).includes(value);
}

/** The levels a reader cleared up to `clearance` may see, for filters in queries. */
export function readableLevels(clearance: Sensitivity): Sensitivity[] {
  return SENSITIVITIES.filter((level) => canRead(clearance, level));
}

/** True when a reader cleared up to `clearance` may see something marked `level`. */
export function canRead(clearance: Sensitivity, level: Sensitivity): boolean {
  return SENSITIVITIES.indexOf(level) <= SENSITIVITIES.indexOf(clearance);
}

/** What `mark` changed. */
export interface MarkOutcome {
  kind: 'document' | 'entity' | 'event' | 'attribute';
  id: string;
  before: Sensitivity;
  after: Sensitivity;
}

/**
 * Sets the sensitivity of a document, entity or event (by id) or of one entity attribute
 * (`ENTITY_ID#attribute`), and records the change in the audit log in the same transaction.
 * An attribute without its own mark has its entity's level.
 */
export async function markSensitivity(
  store: Store,
  id: string,
  level: string,
  options: { actor: string; reason?: string | null },
): Promise<MarkOutcome> {
  if (!isSensitivity(level)) throw new ValidationError(`sensitivity ${level}: use one of ${SENSITIVITIES.join(', ')}`);
  const marked = await store.transaction(async (tx) => {
    const db = securityDb(tx);
    let outcome: MarkOutcome;
    const hash = id.indexOf('#');
    if (hash > 0) {
      const entityId = id.slice(0, hash);
      const attribute = id.slice(hash + 1);
      const entity = await tx.entities.get(entityId);
      if (!entity) throw new NotFoundError(`entity ${entityId}`);
      if (!(attribute in entity.attributes)) throw new NotFoundError(`attribute ${attribute} of entity ${entityId}`);
      const row = await db
        .selectFrom('attribute_sensitivity')
        .select('sensitivity')
        .where('entity_id', '=', entityId)
        .where('attribute', '=', attribute)
        .executeTakeFirst();
      const before = (row?.sensitivity ?? entity.sensitivity) as Sensitivity;
      await setAttributeMark(tx, entityId, attribute, level);
      outcome = { kind: 'attribute', id, before, after: level };
    } else {
      const doc = await tx.documents.get(id);
      const entity = doc ? null : await tx.entities.get(id);
      const event = doc || entity ? null : await tx.events.get(id);
      if (doc) {
        await db.updateTable('documents').set({ sensitivity: level }).where('id', '=', id).execute();
        outcome = { kind: 'document', id, before: doc.sensitivity, after: level };
      } else if (entity) {
        await db.updateTable('entities').set({ sensitivity: level }).where('id', '=', id).execute();
        outcome = { kind: 'entity', id, before: entity.sensitivity, after: level };
      } else if (event) {
        await db.updateTable('events').set({ sensitivity: level }).where('id', '=', id).execute();
        outcome = { kind: 'event', id, before: event.sensitivity, after: level };
      } else {
        throw new NotFoundError(`document, entity or event ${id}`);
      }
    }
    await appendAudit(tx, {
      actor: options.actor,
      action: 'mark',
      targetKind: outcome.kind,
      targetId: id,
      before: { sensitivity: outcome.before },
      after: { sensitivity: outcome.after },
      reason: options.reason ?? null,
    });
    await applySeals(tx, outcome);
    return outcome;
  });
  // Only after the commit can the WAL give up the pages that held the plain text.
  if (sealsChange(marked)) await scrubFreedText(store);
  return marked;
}

/** True when a mark moves a document, entity or attribute into or out of `confidential`: its texts get sealed or opened. */
function sealsChange(outcome: MarkOutcome): boolean {
  return outcome.kind !== 'event' && outcome.before !== outcome.after && (outcome.before === 'confidential' || outcome.after === 'confidential');
}

/**
 * Seals (or opens) what a mark makes confidential (or no longer confidential), in the mark's
 * transaction: without the key it throws before anything is committed. Events hold no text of
 * their own beyond what their documents' evidence quotes, so marking one encrypts nothing.
 */
async function applySeals(tx: Store, outcome: MarkOutcome): Promise<void> {
  if (!sealsChange(outcome)) return;
  const key = requireFieldKey(`marking ${outcome.kind} ${outcome.id} ${outcome.before} → ${outcome.after} (its texts are encrypted at rest)`);
  if (outcome.kind === 'document') await setDocumentSealed(tx, outcome.id, outcome.after === 'confidential', key);
  else await syncAttributeSeals(tx, outcome.kind === 'attribute' ? outcome.id.slice(0, outcome.id.indexOf('#')) : outcome.id, key);
}

/** Gives one attribute of an entity its own mark, replacing any it had. */
async function setAttributeMark(tx: Store, entityId: string, attribute: string, level: Sensitivity): Promise<void> {
  const db = securityDb(tx);
  await db.deleteFrom('attribute_sensitivity').where('entity_id', '=', entityId).where('attribute', '=', attribute).execute();
  await db.insertInto('attribute_sensitivity').values({ entity_id: entityId, attribute, sensitivity: level }).execute();
}

/** The more protected of two levels. */
export function stricter(a: Sensitivity, b: Sensitivity): Sensitivity {
  return SENSITIVITIES.indexOf(a) >= SENSITIVITIES.indexOf(b) ? a : b;
}

/**
 * Before `mergedId` becomes part of `survivorId`: the survivor takes the stricter of the two levels and
 * the merged entity's attribute marks (the stricter where both have one), so a merge never makes
 * public or plain what was protected. Each raised level is audited as a mark by `actor`. True when the
 * survivor then has anything confidential: its facts must be sealed once the merge has moved them.
 */
export async function carryMarksOnMerge(tx: Store, survivorId: string, mergedId: string, actor: string): Promise<boolean> {
  const db = securityDb(tx);
  const levels = await db.selectFrom('entities').select(['id', 'sensitivity']).where('id', 'in', [survivorId, mergedId]).execute();
  const levelOf = (id: string): Sensitivity => (levels.find((r) => r.id === id)?.sensitivity ?? 'restricted') as Sensitivity;
  const marks = await attributeMarks(tx, [survivorId, mergedId]);
  const survivorMarks = marks.get(survivorId) ?? new Map<string, Sensitivity>();
  const raised: Array<{ id: string; kind: MarkOutcome['kind']; before: Sensitivity; after: Sensitivity }> = [];

  const before = levelOf(survivorId);
  const after = stricter(before, levelOf(mergedId));
  if (after !== before) {
    await db.updateTable('entities').set({ sensitivity: after }).where('id', '=', survivorId).execute();
    raised.push({ id: survivorId, kind: 'entity', before, after });
  }
  for (const [attribute, level] of marks.get(mergedId) ?? []) {
    const own = survivorMarks.get(attribute);
    const wanted = stricter(own ?? after, level);
    if (own === wanted) continue;
    await setAttributeMark(tx, survivorId, attribute, wanted);
    survivorMarks.set(attribute, wanted);
    raised.push({ id: `${survivorId}#${attribute}`, kind: 'attribute', before: own ?? after, after: wanted });
  }
  for (const r of raised) {
    await appendAudit(tx, {
      actor,
      action: 'mark',
      targetKind: r.kind,
      targetId: r.id,
      before: { sensitivity: r.before },
      after: { sensitivity: r.after },
      reason: `merged with ${mergedId}`,
    });
  }
  return after === 'confidential' || [...survivorMarks.values()].includes('confidential');
}

/** Per-attribute marks of the given entities: entity id → attribute → level. */
export async function attributeMarks(store: Store, entityIds: string[]): Promise<Map<string, Map<string, Sensitivity>>> {
  const out = new Map<string, Map<string, Sensitivity>>();
  if (entityIds.length === 0) return out;
  const db = securityDb(store);
  for (let i = 0; i < entityIds.length; i += 500) {
    const rows = await db
      .selectFrom('attribute_sensitivity')
      .selectAll()
      .where('entity_id', 'in', entityIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const marks = out.get(r.entity_id) ?? new Map<string, Sensitivity>();
      marks.set(r.attribute, r.sensitivity as Sensitivity);
      out.set(r.entity_id, marks);
    }
  }
  return out;
}

/**
 * The sensitivity of a document, entity or event by id, or null when no such record exists. An id
 * merged into another entity has the level of the entity it now names.
 */
export async function sensitivityOf(store: Store, id: string): Promise<Sensitivity | null> {
  const db = securityDb(store);
  let current = id;
  for (let hop = 0; hop < 20; hop++) {
    for (const table of ['documents', 'entities', 'events'] as const) {
      const row = await db.selectFrom(table).select('sensitivity').where('id', '=', current).executeTakeFirst();
      if (row) return row.sensitivity as Sensitivity;
    }
    const redirect = await db.selectFrom('entity_redirects').select('to_id').where('from_id', '=', current).executeTakeFirst();
    if (!redirect) return null;
    current = redirect.to_id;
  }
  return null;
}
