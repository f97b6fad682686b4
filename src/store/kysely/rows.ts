import { sql, type InsertObject, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type {
  EntityAttributes,
  EntityType,
  Modality,
  ReviewStatus,
  Sensitivity,
} from '../../domain/chronicle-json.js';
import type { StoreDialect } from '../dialect.js';
import type { NUMBERED_TABLES } from '../migrations/008-concurrent-ingest.js';
import type { DocumentTable, EntityTable, EventTable } from '../schema.js';
import type { DocumentRecord, EntityRecord, EventRecord, EvidenceRecord } from '../types.js';
import { readableJson, readableTextOrNull } from '../../protect/field-encryption.js';

// The columns hold only values the schema's CHECK constraints allow, so these casts are checked there.

/** A documents row (without text and bytes) as a record. */
export function toDocumentRecord(
  row: Omit<Selectable<DocumentTable>, 'text' | 'original' | 'sealed_original' | 'seq'>,
): DocumentRecord {
  return {
    id: row.id,
    title: readableTextOrNull(row.title, `document ${row.id}`),
    published: row.published,
    language: row.language,
    source: row.source,
    url: row.url,
    sha256: row.sha256,
    mediaType: row.media_type,
    origin: row.origin,
    ingestedAt: row.ingested_at,
    sensitivity: row.sensitivity as Sensitivity,
  };
}

/** An entities row plus its aliases as a record. */
export function toEntityRecord(
  row: Pick<Selectable<EntityTable>, 'id' | 'type' | 'name' | 'attributes' | 'status' | 'sensitivity'>,
  aliases: string[],
): EntityRecord {
  return {
    id: row.id,
    type: row.type as EntityType,
    name: row.name,
    aliases,
    attributes: readableAttributes(row.attributes, row.id),
    status: row.status as ReviewStatus,
    sensitivity: row.sensitivity as Sensitivity,
  };
}

/**
 * An entity's attributes JSON with sealed values (confidential attributes) opened, or shown as the
 * placeholder when the key is not at hand.
 */
export function readableAttributes(json: string, entityId: string): EntityAttributes {
  const attributes = JSON.parse(json) as EntityAttributes;
  for (const [key, value] of Object.entries(attributes)) attributes[key] = readableJson(value, `entity ${entityId}#${key}`);
  return attributes;
}

/** An events row plus its evidence as a record. */
export function toEventRecord(row: Selectable<EventTable>, evidence: EvidenceRecord[]): EventRecord {
  return {
    id: row.id,
    type: row.type,
    subjectId: row.subject_id,
    agentId: row.agent_id,
    objectId: row.object_id,
    placeId: row.place_id,
    dateFrom: row.date_from,
    dateTo: row.date_to,
    dateText: row.date_text,
    duration: row.duration,
    charge: row.charge,
    penalty: row.penalty,
    modality: row.modality as Modality,
    confidence: Number(row.confidence),
    status: row.status as ReviewStatus,
    sensitivity: row.sensitivity as Sensitivity,
    firstDocumentId: row.first_document_id,
    evidence,
  };
}

/** Splits a list into chunks, keeping `IN (...)` lists under every engine's parameter limit. */
export function chunk<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Bound parameters per statement: under SQLite's limit (32,766) and PostgreSQL's (65,535) with room to spare. */
const MAX_PARAMETERS = 10_000;

/**
 * Inserts rows in as few multi-row statements as the parameter limit allows, skipping rows whose
 * key is already stored (or repeated among `rows`). Rows go in the order given.
 */
export async function insertOrIgnore<DB, T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: ReadonlyArray<InsertObject<DB, T>>,
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, Object.keys(first).length)));
  for (const part of chunk(rows, perStatement)) {
    await db
      .insertInto(table)
      .values(part)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * Consecutive runs of at most `max` items of one shape, in order. Rows that set optional columns and rows
 * that leave them to their defaults go in separate statements: SQLite has no DEFAULT in VALUES.
 */
export function* sameShapeRuns<T>(items: readonly T[], max: number, shapeOf: (item: T) => string): Generator<T[]> {
  for (let start = 0; start < items.length; ) {
    const shape = shapeOf(items[start] as T);
    let end = start + 1;
    while (end < items.length && end - start < max && shapeOf(items[end] as T) === shape) end++;
    yield items.slice(start, end);
    start = end;
  }
}

/** The shape of a row whose review status and sensitivity may be left to their defaults. */
export const reviewShape = (row: { status?: unknown; sensitivity?: unknown }): string => `${row.status !== undefined}|${row.sensitivity !== undefined}`;

/**
 * The number of the `offset`-th row (from 0) a multi-row INSERT adds to `table`, taken in the statement
 * itself. SQLite, with its single writer, takes `max(seq) + 1`: the uncorrelated subquery is read once per
 * statement, so the rows take the next numbers in turn. PostgreSQL, whose ingest transactions overlap,
 * takes each from the table's sequence (migration 008). (Explicit keys, not an engine's auto-increment:
 * the search index shares them.)
 */
export function nextSeq(engine: StoreDialect['name'], table: (typeof NUMBERED_TABLES)[number], offset = 0): RawBuilder<number> {
  if (engine === 'postgres') return sql<number>`nextval(${`${table}_seq_number`}::regclass)`;
  return sql<number>`(select coalesce(max(seq), 0) from ${sql.table(table)}) + ${offset + 1}`;
}
