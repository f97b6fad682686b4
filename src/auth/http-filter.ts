import type { Sensitivity } from '../domain/chronicle-json.js';
import { confidentialNameRedactor } from '../protect/public-export.js';
import type { Redactor } from '../protect/redaction.js';
import { securityDb } from '../store/security-schema.js';
import { canRead } from '../protect/sensitivity.js';
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
  return walk(JSON.parse(JSON.stringify(payload)) as Json, hidden, isHidden, redactor);
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
