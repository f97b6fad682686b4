import type { EntityType } from '../domain/chronicle-json.js';
import type { CandidateRequest, EventReport } from '../link/resolution/index.js';

export type { CandidateRequest };

/** A stored entity as resolution sees it: names, roles and context features. */
export interface ResolutionCandidate {
  id: string;
  type: EntityType;
  names: string[];
  roles: string[];
  context: string[];
}

/** One entry of the resolution log: why an entity took in a mention, or why two were merged or split. */
export interface ResolutionLogEntry {
  seq: number;
  at: string;
  actor: string;
  action: 'new' | 'link' | 'merge' | 'split';
  entityId: string;
  otherId: string | null;
  documentId: string | null;
  rule: string;
  score: number | null;
  detail: unknown;
}

export type NewResolutionLogEntry = Omit<ResolutionLogEntry, 'seq'>;

/** A fact about an entity with its source document; `sensitive` facts are withheld from public output. */
export interface AttributeSource {
  entityId: string;
  documentId: string;
  key: string;
  value: unknown;
  sensitive: boolean;
}

/** A context feature of a given entity. */
export interface EntityFeature {
  entityId: string;
  feature: string;
}

/** A stored event as a report to match a new one against. */
export interface StoredEventReport {
  id: string;
  report: Omit<EventReport, 'evidence' | 'documentId'>;
}

/** A mention identified by its document and offsets. */
export interface MentionRef {
  documentId: string;
  start: number;
  end: number;
}

/** Entity-resolution state: profiles and blocking keys, the decision log, reviewers' constraints, redirects. */
export interface ResolutionRepository {
  /**
   * Entities of `type` filed under any of `keys`, with names, roles and context; at most `limit`.
   * With `features`, only those context features are read (all that scoring compares).
   */
  candidates(type: EntityType, keys: string[], limit: number, features?: readonly string[]): Promise<ResolutionCandidate[]>;
  /** `candidates` for each request, in a few reads for them all; each result is what `candidates` gives. */
  candidatesMany(requests: readonly CandidateRequest[]): Promise<ResolutionCandidate[][]>;
  addFeatures(entityId: string, features: string[]): Promise<void>;
  /** Adds context features of several entities at once; ones already recorded (or repeated) are ignored. */
  addFeaturesOf(features: EntityFeature[]): Promise<void>;
  log(entry: NewResolutionLogEntry): Promise<void>;
  /** Appends log entries, numbered in the order given. */
  logMany(entries: NewResolutionLogEntry[]): Promise<void>;
  /** Log entries naming the entity (as either side), oldest first. */
  logFor(entityId: string): Promise<ResolutionLogEntry[]>;
  /** Keeps documents whose entity has any of `keys` from linking to `entityId` again. */
  blockKeys(entityId: string, keys: string[], at: string): Promise<void>;
  /** Lifts blocks of `keys` on the entity (a reviewer merged the two back). */
  unblockKeys(entityId: string, keys: string[]): Promise<void>;
  /** Entities that `keys` may not link to. */
  blockedFor(keys: string[]): Promise<Array<{ entityId: string; key: string }>>;
  /** Records that two entities were separated by a reviewer (either order). */
  addCannotLink(a: string, b: string, at: string): Promise<void>;
  removeCannotLink(a: string, b: string): Promise<void>;
  cannotLink(a: string, b: string): Promise<boolean>;
  /** The entity an id stands for now, following merges; the id itself when never merged. */
  currentId(id: string): Promise<string>;
  /**
   * Moves everything of `mergedId` (mentions, aliases, keys, features, event roles, facts,
   * constraints) to `survivorId`, deletes `mergedId` and redirects it.
   */
  mergeInto(survivorId: string, mergedId: string): Promise<void>;
  /** Reassigns the given mentions of `fromId` to `toId`; returns how many moved. */
  moveMentions(fromId: string, toId: string, mentions: MentionRef[]): Promise<number>;
  /** Replaces the entity's blocking keys. */
  replaceKeys(entityId: string, keys: string[]): Promise<void>;
  /** Removes aliases no longer borne by any of the entity's mentions (after a split). */
  removeAliases(entityId: string, aliases: string[]): Promise<void>;
  /** Events of `type` with `subjectId` as subject, as reports to match a new one against. */
  eventsOf(subjectId: string, type: string): Promise<StoredEventReport[]>;
  /**
   * `eventsOf` for several (subject, type) pairs in one read; each pair's events come in the order
   * `eventsOf` gives them.
   */
  eventsOfMany(pairs: ReadonlyArray<{ subjectId: string; type: string }>): Promise<StoredEventReport[]>;
  addEventReport(eventId: string, documentId: string, report: EventReport): Promise<void>;
  /** Adds documents' reports of events, in the order given. */
  addEventReports(reports: ReadonlyArray<{ eventId: string; documentId: string; report: EventReport }>): Promise<void>;
  eventReports(eventId: string): Promise<EventReport[]>;
  /** `eventReports` for several events in one read: event id → its reports (events without any left out). */
  eventReportsOfMany(eventIds: readonly string[]): Promise<Map<string, EventReport[]>>;
  /** Sets the event's fields to the merged values. */
  updateEvent(eventId: string, fields: Omit<EventReport, 'evidence' | 'documentId' | 'type' | 'subjectId'>): Promise<void>;
  /** Moves the evidence and reports of event `dropId` to `keepId` and deletes `dropId` (one event reported twice). */
  absorbEvent(keepId: string, dropId: string): Promise<void>;
  /** Re-points events of a document from one subject to another (a split). */
  moveEventSubjects(fromId: string, toId: string, documentIds: string[]): Promise<number>;
  /** Entities mentioned in the same documents as `entityId`, most shared documents first. */
  coMentioned(entityId: string, limit: number): Promise<Array<{ entityId: string; type: EntityType; name: string; documents: number }>>;
  addAttributeSources(sources: AttributeSource[]): Promise<void>;
  attributeSources(entityId: string): Promise<AttributeSource[]>;
  /** Moves the facts a document states from one entity to another (a split). */
  moveAttributeSources(fromId: string, toId: string, documentIds: string[]): Promise<void>;
}
