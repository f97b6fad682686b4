import type { ExportDocument, ExportEvent } from '../domain/chronicle-export.js';
import type { EntityType, ReviewStatus, Sensitivity } from '../domain/chronicle-json.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { nameKey } from '../link/name-key.js';
import { canonicalPlaceKey, mergeEventReports, type FieldConflict } from '../link/resolution/index.js';
import type { ResolutionLogEntry } from '../store/resolution-types.js';
import type { EventRecord } from '../store/types.js';
import { toExportDocument, toExportEvent } from './export-form.js';
import type { Store } from '../store/types.js';
import { sortByDate } from './person.service.js';

/** A name or alias of the entity with the documents it was seen in. */
export interface SeenName {
  name: string;
  mentions: number;
  documents: string[];
}

/** A fact with its sources; `sensitive` facts (where the person lives now) must not be published. */
export interface SourcedAttribute {
  key: string;
  value: unknown;
  sensitive: boolean;
  documents: string[];
  /** How the fact was obtained when not stated outright (`exile event`). */
  derivedFrom?: string;
}

/** An event of the timeline: the merged event, every date reported, and where reports disagree. */
export interface TimelineEvent extends ExportEvent {
  dates: Array<{ from?: string; to?: string; text: string; documents: string[] }>;
  conflicts: FieldConflict[];
  /** Documents that report the event. */
  sources: string[];
}

/** Another entity the person appears with. */
export interface Connection {
  id: string;
  type: EntityType;
  name: string;
  /** Documents mentioning both. */
  sharedDocuments: number;
  /** Events the two share (one as subject, the other in any role). */
  sharedEvents: number;
}

/** Everything the store knows about one person, each piece with its sources. */
export interface CaseFile {
  entity: { id: string; type: EntityType; name: string; status: ReviewStatus; sensitivity: Sensitivity };
  names: SeenName[];
  attributes: SourcedAttribute[];
  timeline: TimelineEvent[];
  connections: Connection[];
  /** Why mentions were linked, merged or split: rule, score, reviewer. */
  resolution: ResolutionLogEntry[];
  documents: ExportDocument[];
}

/** Attributes whose values are places: "Aktobe" and "Aqtobe" are one origin. */
const PLACE_ATTRIBUTES = new Set(['from', 'residence', 'birthplace']);

function sameValue(key: string, a: unknown, b: unknown): boolean {
  if (PLACE_ATTRIBUTES.has(key) && typeof a === 'string' && typeof b === 'string') return canonicalPlaceKey(a) === canonicalPlaceKey(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Most connections listed. */
const CONNECTION_LIMIT = 50;

async function findEntityId(store: Store, idOrName: string): Promise<string> {
  if (idOrName.trim() === '') throw new ValidationError('an entity id or name is required');
  const current = await store.resolution.currentId(idOrName);
  if (await store.entities.get(current)) return current;
  const [byName] = await store.entities.findByName('person', nameKey(idOrName));
  if (!byName) throw new NotFoundError(`entity ${JSON.stringify(idOrName)}`);
  return byName.id;
}

function timelineEvent(event: EventRecord, reports: Awaited<ReturnType<Store['resolution']['eventReports']>>): TimelineEvent {
  const base = toExportEvent(event);
  const sources = [...new Set(event.evidence.map((e) => e.documentId))];
  if (reports.length === 0) {
    const dates = base.date ? [{ ...base.date, documents: sources }] : [];
    return { ...base, dates, conflicts: [], sources };
  }
  const merged = mergeEventReports(reports);
  return {
    ...base,
    dates: merged.dates.map((d) => ({ ...d.date, documents: d.documentIds })),
    conflicts: merged.conflicts,
    sources,
  };
}

/**
 * The case file of a person (or any entity), by id (merged ids are followed) or by name: names
 * and aliases with where each was seen, facts with their sources (current residence marked
 * sensitive), the merged timeline with conflicting details, connected people and organizations,
 * and the resolution log.
 */
export async function getCaseFile(store: Store, idOrName: string): Promise<CaseFile> {
  const id = await findEntityId(store, idOrName);
  const entity = await store.entities.get(id);
  if (!entity) throw new NotFoundError(`entity ${id}`);
  const mentions = await store.entities.mentionsOf([id]);

  const byName = new Map<string, SeenName>();
  for (const name of [entity.name, ...entity.aliases]) byName.set(name, { name, mentions: 0, documents: [] });
  for (const m of mentions) {
    const seen = byName.get(m.text) ?? { name: m.text, mentions: 0, documents: [] };
    seen.mentions++;
    if (!seen.documents.includes(m.documentId)) seen.documents.push(m.documentId);
    byName.set(m.text, seen);
  }

  const attributes: SourcedAttribute[] = [];
  for (const source of await store.resolution.attributeSources(id)) {
    const values = Array.isArray(source.value) ? (source.value as unknown[]) : [source.value];
    for (const value of values) {
      const same = attributes.find((a) => a.key === source.key && sameValue(a.key, a.value, value));
      if (same) {
        if (!same.documents.includes(source.documentId)) same.documents.push(source.documentId);
      } else {
        attributes.push({ key: source.key, value, sensitive: source.sensitive, documents: [source.documentId] });
      }
    }
  }

  const events = sortByDate(await store.events.listForEntity(id));
  const timeline: TimelineEvent[] = [];
  for (const event of events) timeline.push(timelineEvent(event, await store.resolution.eventReports(event.id)));

  // Where a person went into exile is where they may be found: a sensitive fact.
  const exiles = timeline.filter((e) => e.type === 'exile' && e.subject === id && e.place !== null);
  const lastExile = exiles[exiles.length - 1];
  const exilePlace = lastExile?.place ? await store.entities.get(lastExile.place) : null;
  const stated = attributes.some((a) => a.key === 'residence' && exilePlace && sameValue('residence', a.value, exilePlace.name));
  if (lastExile?.place && !stated) {
    const place = exilePlace;
    attributes.push({
      key: 'residence',
      value: place?.name ?? lastExile.place,
      sensitive: true,
      documents: lastExile.sources,
      derivedFrom: 'exile event',
    });
  }

  const connections = new Map<string, Connection>();
  for (const c of await store.resolution.coMentioned(id, CONNECTION_LIMIT)) {
    connections.set(c.entityId, { id: c.entityId, type: c.type, name: c.name, sharedDocuments: c.documents, sharedEvents: 0 });
  }
  const participants = events.flatMap((e) => [e.subjectId, e.agentId, e.objectId]).filter((p): p is string => p !== null && p !== id);
  for (const p of participants) {
    let c = connections.get(p);
    if (!c) {
      const other = await store.entities.get(p);
      if (!other) continue;
      c = { id: p, type: other.type, name: other.name, sharedDocuments: 0, sharedEvents: 0 };
      connections.set(p, c);
    }
    c.sharedEvents++;
  }

  const documentIds = new Set([...mentions.map((m) => m.documentId), ...timeline.flatMap((e) => e.sources)]);
  const documents: ExportDocument[] = [];
  for (const docId of documentIds) {
    const doc = await store.documents.get(docId);
    if (doc) documents.push(toExportDocument(doc));
  }

  return {
    entity: { id, type: entity.type, name: entity.name, status: entity.status, sensitivity: entity.sensitivity },
    names: [...byName.values()],
    attributes,
    timeline,
    connections: [...connections.values()]
      .filter((c) => c.type !== 'place')
      .sort((a, b) => b.sharedEvents + b.sharedDocuments - (a.sharedEvents + a.sharedDocuments) || a.name.localeCompare(b.name)),
    resolution: await store.resolution.logFor(id),
    documents,
  };
}
