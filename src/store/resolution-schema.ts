import type { Database } from './schema.js';

/** Context features of an entity (`person:aidos sadikov`, `org:dvk`, `role:journalist`), its resolution profile. */
export interface EntityFeatureTable {
  entity_id: string;
  feature: string;
}

/** Why an entity took in a document's mention, or two entities were merged or split: rule and score. */
export interface ResolutionLogTable {
  seq: number;
  at: string;
  /** `system` for ingest, else the reviewer. */
  actor: string;
  /** `new`, `link`, `merge`, `split`. */
  action: string;
  entity_id: string;
  /** The merged-away entity, the entity split off, or null. */
  other_id: string | null;
  document_id: string | null;
  rule: string;
  score: number | null;
  /** JSON: shared context, names, moved mentions. */
  detail: string | null;
}

/** Reviewers' decisions ingest must respect: a name kept away from an entity, mentions kept in one. */
export interface ResolutionConstraintTable {
  /** `block-key`: documents whose entity has `key` never link to `entity_id`; `cannot-link`: two entities stay two. */
  kind: string;
  entity_id: string;
  key: string;
  created_at: string;
}

/** An entity merged into another: old ids keep leading to the survivor. */
export interface EntityRedirectTable {
  from_id: string;
  to_id: string;
}

/** One document's account of an event (JSON of its fields), so merged events keep their disagreements. */
export interface EventReportTable {
  event_id: string;
  document_id: string;
  report: string;
}

/** A fact about an entity with the document that states it. */
export interface EntityAttributeSourceTable {
  entity_id: string;
  document_id: string;
  key: string;
  /** JSON value. */
  value: string;
  /** 1 for facts that endanger the person if published (current place of residence). */
  sensitive: number;
}

/** The core schema plus the entity-resolution tables (migration 004). */
export interface ResolutionDatabase extends Database {
  entity_features: EntityFeatureTable;
  resolution_log: ResolutionLogTable;
  resolution_constraints: ResolutionConstraintTable;
  entity_redirects: EntityRedirectTable;
  event_reports: EventReportTable;
  entity_attribute_sources: EntityAttributeSourceTable;
}
