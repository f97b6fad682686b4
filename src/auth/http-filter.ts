import type { Sensitivity } from '../domain/chronicle-json.js';
import { confidentialNameRedactor } from '../protect/public-export.js';
import type { Redactor } from '../protect/redaction.js';
import { securityDb } from '../store/security-schema.js';
import { attributeMarks, canRead } from '../protect/sensitivity.js';
import type { Store } from '../store/index.js';

// Fields that name a stored document, entity or event in API responses.
const IDENTITY_FIELDS = ['id', 'documentId', 'eventId', 'entityId', 'document', 'targetId'];
const REFERENCE_FIELDS = ['subjectId', 'agentId', 'objectId', 'placeId', 'firstDocumentId'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function collectIds(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string' && (IDENTITY_FIELDS.includes(key) || REFERENCE_FIELDS.includes(key))) out.add(v);
      else if (key === 'documents' && Array.isArray(v) && v.every((d) => typeof d === 'string')) for (const d of v) out.add(d as string);
      else collectIds(v, out);
    }
  }
}

/** Sensitivity of every stored record among `ids` (unknown ids are left out). */
export async function sensitivities(store: Store, ids: Iterable<string>): Promise<Map<string, Sensitivity>> {
  const all = [...new Set(ids)];
  const out = new Map<string, Sensitivity>();
  const db = securityDb(store);
  for (let i = 0; i < all.length; i += 500) {
    const part = all.slice(i, i + 500);
    for (const table of ['documents', 'entities', 'events'] as const) {
      const rows = await db.selectFrom(table).select(['id', 'sensitivity']).where('id', 'in', part).execute();
      for (const r of rows) out.set(r.id, r.sensitivity as Sensitivity);
    }
  }
  return out;
}

/**
 * A response body as a reader cleared to `clearance` may see it: list items (and nested objects)
 * about a record above the clearance are dropped (or nulled), references to such records become
 * null, and below `confidential` the names of confidential people are masked in every string.
 */
export async function scrubForReader(store: Store, payload: unknown, clearance: Sensitivity): Promise<unknown> {
  if (clearance === 'confidential' || payload === null || typeof payload !== 'object') return payload;
  const ids = new Set<string>();
  collectIds(payload, ids);
  const levels = await sensitivities(store, ids);
  const hidden = (id: unknown): boolean => {
    if (typeof id !== 'string') return false;
    const level = levels.get(id);
    return level !== undefined && !canRead(clearance, level);
  };
  const redactor = await confidentialNameRedactor(store);
  const isHidden = (value: unknown): boolean =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    IDENTITY_FIELDS.some((f) => hidden((value as Record<string, unknown>)[f]));
  const marks = await attributeMarks(store, [...ids].filter((id) => levels.has(id)));
  const copy = JSON.parse(JSON.stringify(payload)) as Json;
  dropMarkedAttributes(copy, marks, clearance, hidden);
  return walk(copy, hidden, isHidden, redactor);
}

/**
 * Removes attributes marked above the clearance: keys of an entity's `attributes` object, and items
 * of a case file's `attributes` list (whose entity is the file's `person`).
 */
function dropMarkedAttributes(
  value: Json,
  marks: Map<string, Map<string, Sensitivity>>,
  clearance: Sensitivity,
  hidden: (id: unknown) => boolean,
): void {
  if (Array.isArray(value)) {
    for (const item of value) dropMarkedAttributes(item, marks, clearance, hidden);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const allowed = (entityId: unknown, key: string): boolean => {
    const level = typeof entityId === 'string' ? marks.get(entityId)?.get(key) : undefined;
    return level === undefined || canRead(clearance, level);
  };
  const attributes = value.attributes;
  if (attributes && typeof attributes === 'object' && !Array.isArray(attributes)) {
    for (const key of Object.keys(attributes)) if (!allowed(value.id, key)) delete attributes[key];
  }
  const person = value.person;
  if (Array.isArray(attributes) && person && typeof person === 'object' && !Array.isArray(person)) {
    const kept: Json[] = [];
    for (const a of attributes) {
      if (!a || typeof a !== 'object' || Array.isArray(a)) continue;
      if (typeof a.key === 'string' && !allowed(person.id, a.key)) continue;
      // A value learnt only from reports the reader may not see is left out with them.
      if (Array.isArray(a.documents)) {
        const readable = a.documents.filter((d) => !hidden(d));
        if (a.documents.length > 0 && readable.length === 0) continue;
        a.documents = readable;
      }
      kept.push(a);
    }
    value.attributes = kept;
    // The merged attributes on the person hold the same values: keep only those still listed.
    const merged = person.attributes;
    if (merged && typeof merged === 'object' && !Array.isArray(merged)) {
      const listed = (key: string, v: Json): boolean =>
        kept.some((a) => a && typeof a === 'object' && !Array.isArray(a) && a.key === key && JSON.stringify(a.value) === JSON.stringify(v));
      for (const [key, v] of Object.entries(merged)) {
        if (Array.isArray(v)) {
          const left = v.filter((item) => listed(key, item));
          if (left.length > 0) merged[key] = left;
          else delete merged[key];
        } else if (!listed(key, v)) {
          delete merged[key];
        }
      }
    }
  }
  for (const v of Object.values(value)) dropMarkedAttributes(v, marks, clearance, hidden);
}

function walk(value: Json, hidden: (id: unknown) => boolean, isHidden: (v: unknown) => boolean, redactor: Redactor): Json {
  if (typeof value === 'string') return redactor.redact(value);
  if (Array.isArray(value)) return value.filter((item) => !isHidden(item)).map((item) => walk(item, hidden, isHidden, redactor));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, v] of Object.entries(value)) {
      if (REFERENCE_FIELDS.includes(key) && hidden(v)) out[key] = null;
      else if (isHidden(v)) out[key] = null;
      else out[key] = walk(v, hidden, isHidden, redactor);
    }
    return out;
  }
  return value;
}
