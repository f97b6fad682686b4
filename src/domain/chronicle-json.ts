/**
 * Chronicle JSON: the shape in which Chronicle writes what it knows
 * (see docs/FORMATS.md; field names are a public contract, add fields, never rename).
 */

/** A run of a document's plain text; offsets are UTF-16 code units, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType = 'person' | 'organization' | 'place';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

export type Modality = 'asserted' | 'hypothetical' | 'negated' | 'generic';
export const MODALITIES: readonly Modality[] = ['asserted', 'hypothetical', 'negated', 'generic'];

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export type ReviewStatus = 'suggested' | 'confirmed' | 'rejected';
export type Sensitivity = 'public' | 'restricted' | 'confidential';

/** Metadata of one ingested report. */
export interface DocumentMeta {
  id: string;
  title: string | null;
  /** ISO date (YYYY-MM-DD, or cut to its precision); null when unknown: relative dates then stay unresolved. */
  published: string | null;
  language: string;
  source: string | null;
  url: string | null;
  sha256: string;
}

/** Free-form facts about an entity: roles, origin, affiliations. */
export interface EntityAttributes {
  roles?: string[];
  from?: string;
  [key: string]: unknown;
}

export interface ExtractedEntity {
  id: string;
  type: EntityType;
  /** The fullest form in the document. */
  name: string;
  /** Every other surface form that refers to it. */
  aliases: string[];
  mentions: Span[];
  attributes: EntityAttributes;
}

/** A TIMEX3 temporal expression. */
export interface Timex extends Span {
  type: TimexType;
  /** TIMEX3 value (`2016-04`, `2013-W11`, `P2Y`, `PRESENT_REF`, `XXXX-12`). */
  value: string;
  /** TIMEX3 mod when the text qualifies the period: START, MID, END, APPROX, LESS_THAN, MORE_THAN… */
  mod?: string;
}

/** When an event happened: ISO dates cut to their precision; `to` absent for a point or an open start. */
export interface EventDate {
  from?: string;
  to?: string;
  text: string;
}

export interface ExtractedEvent {
  id: string;
  /** An id from the event vocabulary (src/domain/event-types.ts). */
  type: string;
  subject: string | null;
  agent: string | null;
  object: string | null;
  place: string | null;
  date: EventDate | null;
  duration: string | null;
  charge: string | null;
  penalty: string | null;
  modality: Modality;
  confidence: number;
  evidence: Span[];
}

/** What `chronicle extract` prints for one document. */
export interface Extraction {
  document: DocumentMeta;
  entities: ExtractedEntity[];
  timexes: Timex[];
  events: ExtractedEvent[];
}
