import type {
  EntityAttributes,
  EntityType,
  Modality,
  ReviewStatus,
  Sensitivity,
  Span,
  Timex,
} from '../domain/chronicle-json.js';
import type { ResolutionRepository } from './resolution-types.js';

/** A stored report, without its text and original bytes. */
export interface DocumentRecord {
  id: string;
  title: string | null;
  published: string | null;
  language: string;
  source: string | null;
  url: string | null;
  sha256: string;
  mediaType: string;
  origin: string;
  ingestedAt: string;
  sensitivity: Sensitivity;
}

/** A report to store: its metadata, plain text and the bytes as received. */
export interface NewDocument extends Omit<DocumentRecord, 'sensitivity'> {
  text: string;
  original: Uint8Array;
  sensitivity?: Sensitivity;
}

/** A person, organization or place, resolved across documents. */
export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  attributes: EntityAttributes;
  status: ReviewStatus;
  sensitivity: Sensitivity;
}

/** An entity's name and attributes, as linking compares them. */
export type EntityNameAndAttributes = Pick<EntityRecord, 'id' | 'type' | 'name' | 'attributes'>;

/** An entity to create; `nameKey` is its normalised name (see src/link). */
export interface NewEntity {
  id: string;
  type: EntityType;
  name: string;
  nameKey: string;
  attributes: EntityAttributes;
  /** Where it was first seen: the listing order is (document ingest order, ordinal). */
  firstDocumentId: string;
  ordinal: number;
  createdAt: string;
  status?: ReviewStatus;
  sensitivity?: Sensitivity;
}

/** A surface form of an entity and its normalised key. */
export interface NewAlias {
  alias: string;
  aliasKey: string;
}

/** An alias of a given entity. */
export interface EntityAlias extends NewAlias {
  entityId: string;
}

/** A link key of a given entity. */
export interface EntityKey {
  entityId: string;
  key: string;
}

/** A span of a document's text that names an entity. */
export interface MentionRecord extends Span {
  entityId: string;
  documentId: string;
}

/** A span of a document's text that states an event. */
export interface EvidenceRecord extends Span {
  documentId: string;
}

/** An evidence span of a given event. */
export interface EventEvidence extends EvidenceRecord {
  eventId: string;
}

/** An event with every span that states it. Entity references are store-wide entity ids. */
export interface EventRecord {
  id: string;
  type: string;
  subjectId: string | null;
  agentId: string | null;
  objectId: string | null;
  placeId: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  dateText: string | null;
  duration: string | null;
  charge: string | null;
  penalty: string | null;
  modality: Modality;
  confidence: number;
  status: ReviewStatus;
  sensitivity: Sensitivity;
  /** The document that first reported the event. */
  firstDocumentId: string;
  evidence: EvidenceRecord[];
}

/** An event to create, with its first document and position there (the listing order). */
export interface NewEvent extends Omit<EventRecord, 'status' | 'sensitivity'> {
  ordinal: number;
  createdAt: string;
  status?: ReviewStatus;
  sensitivity?: Sensitivity;
}

/** One search result: a document (matched in title or text) or an event's evidence span. */
export interface SearchHit {
  kind: 'document' | 'evidence';
  documentId: string;
  documentTitle: string | null;
  /** The event whose evidence matched; null for document hits. */
  eventId: string | null;
  /** Matched text in context (plain text, shortened with "…"). */
  snippet: string;
  /** Where the query matched inside `snippet` (offsets into the snippet, `end` exclusive). */
  highlights: Array<{ start: number; end: number }>;
  /**
   * Offsets into the document's text: the evidence span, or the first match in the text.
   * Null for a document matched in its title only.
   */
  start: number | null;
  end: number | null;
  /** Relevance, higher is better (comparable within one result list). */
  score: number;
}

/** Reports, stored whole: metadata, text and original bytes. */
export interface DocumentRepository {
  insert(doc: NewDocument): Promise<void>;
  get(id: string): Promise<DocumentRecord | null>;
  getText(id: string): Promise<string | null>;
  getOriginal(id: string): Promise<{ bytes: Uint8Array; mediaType: string } | null>;
  findBySha256(sha256: string): Promise<DocumentRecord | null>;
  /** True when a document already uses `id`. */
  exists(id: string): Promise<boolean>;
  /** Every document in ingest order, read in pages so a big store never sits in memory. */
  iterate(pageSize?: number): AsyncIterable<DocumentRecord>;
  count(): Promise<number>;
}

/** People, organizations and places with their aliases, link keys and mentions. */
export interface EntityRepository {
  insert(entity: NewEntity): Promise<void>;
  /** Inserts entities in the order given, in as few statements as the engine allows. */
  insertMany(entities: NewEntity[]): Promise<void>;
  /** Replaces name and/or attributes (a merge of what a new document says). */
  update(id: string, changes: { name?: string; nameKey?: string; attributes?: EntityAttributes }): Promise<void>;
  /** `update` for several entities, in order (their attribute levels read once). */
  updateMany(updates: ReadonlyArray<{ id: string; changes: { name?: string; nameKey?: string; attributes?: EntityAttributes } }>): Promise<void>;
  /** Adds aliases; ones already recorded are ignored. */
  addAliases(entityId: string, aliases: NewAlias[]): Promise<void>;
  /** Adds link keys; ones already recorded are ignored. */
  addKeys(entityId: string, keys: string[]): Promise<void>;
  /** Adds aliases of several entities at once; ones already recorded (or repeated) are ignored. */
  addAliasesOf(aliases: EntityAlias[]): Promise<void>;
  /** Adds link keys of several entities at once; ones already recorded (or repeated) are ignored. */
  addKeysOf(keys: EntityKey[]): Promise<void>;
  addMentions(mentions: MentionRecord[]): Promise<void>;
  get(id: string): Promise<EntityRecord | null>;
  getMany(ids: string[]): Promise<EntityRecord[]>;
  /** Name and attributes of each entity that exists (in no set order): `getMany` without reading aliases. */
  namesAndAttributes(ids: string[]): Promise<EntityNameAndAttributes[]>;
  /** Entities recorded under any of `keys`, oldest first. */
  findByKeys(keys: string[]): Promise<EntityRecord[]>;
  /** Entities of `type` whose name or an alias has the normalised form `nameKey`; name matches first. */
  findByName(type: EntityType, nameKey: string): Promise<EntityRecord[]>;
  /** Mentions of the given entities, by document ingest order then offset. */
  mentionsOf(entityIds: string[]): Promise<MentionRecord[]>;
  /** Every entity (of one type), in listing order, read in pages. */
  iterate(options?: { type?: EntityType; pageSize?: number }): AsyncIterable<EntityRecord>;
  /** Entities of one type with the number of events they take part in (subject, agent, object or place). */
  listWithEventCounts(type: EntityType): Promise<Array<EntityRecord & { eventCount: number }>>;
  countByType(): Promise<Record<EntityType, number>>;
  /** Entities mentioned in a document, by type. */
  countInDocument(documentId: string): Promise<Record<EntityType, number>>;
}

/** Events and their evidence. */
export interface EventRepository {
  insert(event: NewEvent): Promise<void>;
  /** Adds evidence spans to an existing event (the same event reported again). */
  addEvidence(eventId: string, evidence: EvidenceRecord[]): Promise<void>;
  /** Inserts events (then all their evidence) in the order given, in as few statements as the engine allows. */
  insertMany(events: NewEvent[]): Promise<void>;
  /** Adds evidence spans to several events at once, numbered in the order given. */
  addEvidenceOf(evidence: EventEvidence[]): Promise<void>;
  get(id: string): Promise<EventRecord | null>;
  /** Every event (of one type), in listing order, read in pages. */
  iterate(options?: { type?: string; pageSize?: number }): AsyncIterable<EventRecord>;
  /** Events in which the entity is subject, agent or object, in listing order. */
  listForEntity(entityId: string): Promise<EventRecord[]>;
  countByType(): Promise<Record<string, number>>;
  /** Events with evidence in a document. */
  countInDocument(documentId: string): Promise<number>;
}

/** Temporal expressions of each document. */
export interface TimexRepository {
  insert(documentId: string, timexes: Timex[]): Promise<void>;
  listForDocument(documentId: string): Promise<Timex[]>;
}

/** Full-text search over document titles and text and over evidence. */
export interface SearchRepository {
  /**
   * Ranked hits for a query of words, "quoted phrases", `prefix*`, `OR` and `-excluded` words.
   * Throws ValidationError for a malformed query.
   */
  search(query: string, options?: { limit?: number }): Promise<SearchHit[]>;
}

/** Everything Chronicle keeps, behind one interface with a SQLite and a PostgreSQL implementation. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the store lives (a path or a connection URL without credentials). */
  readonly location: string;
  readonly documents: DocumentRepository;
  readonly entities: EntityRepository;
  readonly events: EventRepository;
  readonly timexes: TimexRepository;
  readonly search: SearchRepository;
  /** Cross-document resolution: blocking keys and profiles, decision log, reviewers' merges and splits. */
  readonly resolution: ResolutionRepository;
  /**
   * Runs `fn` in one transaction: all its writes land, or none do. `fn` must use the store it is
   * given; inside a transaction a nested call joins the outer one.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Like `transaction`, but one that may run beside other concurrent ones on an engine that allows
   * it (PostgreSQL; on SQLite it is `transaction`). `fn` claims (`tx.claim`) what it will change before
   * it reads it for that: transactions that claim a name in common run that part one after the other.
   * Other transactions run alone, as ever. Inside a transaction it joins the outer one.
   */
  concurrentTransaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Inside a concurrent transaction, waits until no other one holds any of `names` (a document's
   * hash, the blocking keys it files new entities under, the entities it changes), then holds them
   * until this one ends, and returns true. Kinds are claimed in a fixed order (document, key,
   * entity) to keep two transactions from waiting on each other. Elsewhere it does nothing and
   * returns false: the transaction runs alone.
   */
  claim(kind: 'document' | 'key' | 'entity', names: readonly string[]): Promise<boolean>;
  /** The latest applied migration. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
