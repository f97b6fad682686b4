import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. Portable column types only (text, integer, real, binary):
 * timestamps are ISO strings and JSON is text, so SQLite and PostgreSQL read back the same values.
 */
export interface Database {
  schema_version: SchemaVersionTable;
  documents: DocumentTable;
  entities: EntityTable;
  entity_aliases: EntityAliasTable;
  entity_keys: EntityKeyTable;
  mentions: MentionTable;
  events: EventTable;
  evidence: EvidenceTable;
  timexes: TimexTable;
}

export interface SchemaVersionTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface DocumentTable {
  id: string;
  /** Ingest order, for deterministic listing; also the key of the search index. */
  seq: number;
  sha256: string;
  title: string | null;
  published: string | null;
  language: string;
  source: string | null;
  url: string | null;
  text: string;
  /** Empty while the document is sealed: its bytes are then in `sealed_original`, encrypted (migration 006). */
  original: Uint8Array;
  /** The original bytes encrypted (AES-256-GCM) while the document is confidential, else null. */
  sealed_original: Uint8Array | null;
  media_type: string;
  origin: string;
  ingested_at: string;
  sensitivity: Generated<string>;
}

export interface EntityTable {
  id: string;
  type: string;
  name: string;
  /** Normalised name for case-insensitive look-up. */
  name_key: string;
  /** JSON object. */
  attributes: string;
  status: Generated<string>;
  sensitivity: Generated<string>;
  /** The document that first mentioned the entity, and its position there: the listing order. */
  first_document_id: string;
  ordinal: number;
  created_at: string;
}

export interface EntityAliasTable {
  entity_id: string;
  alias: string;
  alias_key: string;
}

/** Keys under which the linker finds an entity again (normalised full names, later blocking keys). */
export interface EntityKeyTable {
  entity_id: string;
  key: string;
}

export interface MentionTable {
  entity_id: string;
  document_id: string;
  start: number;
  end: number;
  text: string;
}

export interface EventTable {
  id: string;
  type: string;
  subject_id: string | null;
  agent_id: string | null;
  object_id: string | null;
  place_id: string | null;
  date_from: string | null;
  date_to: string | null;
  date_text: string | null;
  duration: string | null;
  charge: string | null;
  penalty: string | null;
  modality: string;
  confidence: number;
  status: Generated<string>;
  sensitivity: Generated<string>;
  first_document_id: string;
  ordinal: number;
  created_at: string;
}

export interface EvidenceTable {
  /** Integer key shared with the search index. */
  seq: number;
  event_id: string;
  document_id: string;
  start: number;
  end: number;
  text: string;
}

export interface TimexTable {
  document_id: string;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod: string | null;
}
