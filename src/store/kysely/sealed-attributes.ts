import { sql, type Kysely } from 'kysely';
import type { EntityAttributes } from '../../domain/chronicle-json.js';
import { ValidationError } from '../../errors.js';
import {
  SEALED_PLACEHOLDER,
  fieldKey,
  isSealedText,
  requireFieldKey,
  sealJson,
  sealText,
} from '../../protect/field-encryption.js';
import type { ResolutionDatabase } from '../resolution-schema.js';
import type { Database } from '../schema.js';
import type { SecurityDatabase } from '../security-schema.js';
import type { Store } from '../types.js';
import { kyselyOf } from './kysely-store.js';
import { chunk } from './rows.js';

/** Tells the confidential attributes of one entity. */
export interface AttributeLevels {
  isConfidential(key: string): boolean;
}

type MarkTables = {
  attribute_sensitivity: { entity_id: string; attribute: string; sensitivity: string };
};

/**
 * Which attributes of an entity are confidential: each attribute's own mark, else the entity's level
 * (the rule of src/protect/sensitivity.ts). Null when the entity does not exist.
 */
export async function confidentialAttributes(
  db: Kysely<Database>,
  entityId: string,
): Promise<AttributeLevels | null> {
  return (await confidentialAttributesOf(db, [entityId])).get(entityId) ?? null;
}

/** Which attributes are confidential, for several entities in one read; entities that do not exist are left out. */
export async function confidentialAttributesOf(db: Kysely<Database>, entityIds: readonly string[]): Promise<Map<string, AttributeLevels>> {
  const out = new Map<string, AttributeLevels>();
  for (const part of chunk([...new Set(entityIds)])) {
    // Each entity's level with its attributes' own marks, one row per mark (or one without).
    const rows = await db
      .withTables<MarkTables>()
      .selectFrom('entities')
      .leftJoin('attribute_sensitivity', 'attribute_sensitivity.entity_id', 'entities.id')
      .select(['entities.id', 'entities.sensitivity', 'attribute_sensitivity.attribute', 'attribute_sensitivity.sensitivity as mark'])
      .where('entities.id', 'in', part)
      .execute();
    const own = new Map<string, { level: string; marks: Map<string, string> }>();
    for (const r of rows) {
      const entity = own.get(r.id) ?? { level: r.sensitivity, marks: new Map<string, string>() };
      if (r.attribute !== null && r.mark !== null) entity.marks.set(r.attribute, r.mark);
      own.set(r.id, entity);
    }
    for (const [id, { level, marks }] of own) {
      out.set(id, { isConfidential: (key) => (marks.get(key) ?? level) === 'confidential' });
    }
  }
  return out;
}

function holdsPlaceholder(value: unknown): boolean {
  return (JSON.stringify(value) ?? '').includes(SEALED_PLACEHOLDER);
}

/**
 * The attributes JSON to store for an entity: confidential values sealed. A value a reader without
 * the key saw as the placeholder keeps its stored ciphertext; any other confidential value needs the key.
 */
export async function attributesToStore(
  db: Kysely<Database>,
  entityId: string,
  attributes: EntityAttributes,
  known?: ReadonlyMap<string, AttributeLevels>,
): Promise<string> {
  // `known`: the levels already read for several entities (confidentialAttributesOf), this one's among them if it exists.
  const levels = known ? (known.get(entityId) ?? null) : await confidentialAttributes(db, entityId);
  const touchesSealed =
    Object.keys(attributes).some((key) => levels?.isConfidential(key)) || JSON.stringify(attributes).includes(SEALED_PLACEHOLDER);
  if (!levels || !touchesSealed) return JSON.stringify(attributes);
  const row = await db.selectFrom('entities').select('attributes').where('id', '=', entityId).executeTakeFirst();
  const stored = row ? (JSON.parse(row.attributes) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!levels.isConfidential(key) && !isSealedText(stored[key]) && !holdsPlaceholder(value)) {
      out[key] = value;
    } else if (value === SEALED_PLACEHOLDER && isSealedText(stored[key])) {
      out[key] = stored[key];
    } else if (holdsPlaceholder(value)) {
      // A confidential value read without the key (say, from an entity merged in) is not a value.
      throw new ValidationError(`entity ${entityId}#${key}: a confidential value read without the key cannot be stored; set CHRONICLE_KEY`);
    } else {
      out[key] = levels.isConfidential(key) ? sealJson(value, requireFieldKey(`entity ${entityId}#${key} is confidential: storing its value`)) : value;
    }
  }
  return JSON.stringify(out);
}

/**
 * The texts to store for stated facts (JSON each), in order: sealed where the attribute is
 * confidential. Levels are read once for all the entities.
 */
export async function attributeSourcesToStore(
  db: Kysely<Database>,
  sources: ReadonlyArray<{ entityId: string; key: string; value: unknown }>,
): Promise<string[]> {
  const levels = sources.length === 0 ? new Map<string, AttributeLevels>() : await confidentialAttributesOf(db, sources.map((s) => s.entityId));
  const out: string[] = [];
  for (const source of sources) {
    const json = JSON.stringify(source.value);
    const confidential = levels.get(source.entityId)?.isConfidential(source.key) ?? false;
    out.push(
      confidential
        ? sealText(json, fieldKey() ?? requireFieldKey(`entity ${source.entityId}#${source.key} is confidential: storing a new fact`))
        : json,
    );
  }
  return out;
}

/** The store's connection typed with every table sealing touches (for src/protect/sealing.ts). */
export function sealingDb(store: Store): Kysely<SecurityDatabase & ResolutionDatabase> {
  const db = kyselyOf(store);
  if (!db) throw new Error('this store does not expose a Kysely connection');
  return db as unknown as Kysely<SecurityDatabase & ResolutionDatabase>;
}

/**
 * After sealing, leaves no plain copy in a SQLite file: merges the full-text index into fresh
 * segments (FTS5 'optimize', so no old segment keeps a sealed document's words) and checkpoints the
 * WAL with TRUNCATE so the old page images are gone from it; secure_delete (set on open) has zeroed
 * the freed space in the main file. Returns false when readers kept the checkpoint from finishing
 * for a second (the WAL's old frames are then overwritten as it is reused, or by the next TRUNCATE),
 * and inside a transaction, where it does nothing.
 * Nothing to do on PostgreSQL (see docs/SECURITY.md).
 */
export async function scrubFreedText(store: Store): Promise<boolean> {
  if (store.dialect !== 'sqlite') return true;
  const db = sealingDb(store);
  // Inside a transaction nothing is committed yet to scrub: the caller that commits scrubs after.
  if (db.isTransaction) return false;
  await sql.raw(`insert into documents_fts(documents_fts) values ('optimize')`).execute(db);
  await sql.raw(`insert into evidence_fts(evidence_fts) values ('optimize')`).execute(db);
  // A reader in the middle of a read keeps the WAL from being truncated: give it a moment, a few times.
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    if (Number(result.rows[0]?.busy ?? 1) === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/**
 * Empties the payload of a finished PostgreSQL ingest job for the bytes `sha256` (the queue keeps
 * each job's document and original bytes), so a sealed document leaves no plain copy there. Done
 * jobs are never run again; a store without a queue has nothing to do.
 */
export async function forgetJobPayload(store: Store, sha256: string): Promise<void> {
  if (store.dialect !== 'postgres') return;
  const db = sealingDb(store);
  const table = await sql<{ name: string | null }>`select to_regclass('ingest_jobs')::text as name`.execute(db);
  if (!table.rows[0]?.name) return;
  await sql`update ingest_jobs set document = ${JSON.stringify({ sealed: true })}::jsonb, original = ''::bytea
            where sha256 = ${sha256.toLowerCase()} and status = 'done'`.execute(db);
}
