import type { EntityType, Modality, ReviewStatus } from '../domain/chronicle-json.js';
import { isEventType, getEventType } from '../domain/event-types.js';
import { NotFoundError } from '../errors.js';
import type { ReviewableStore } from '../store/reviewable-store.js';
import type { EntityRecord, EventRecord } from '../store/index.js';
import { locatePlace } from './place-locator.js';

/** A reference to an entity as the web shows it. */
export interface EntityRef {
  id: string;
  type: EntityType;
  name: string;
}

/** An evidence span with the document it lies in. */
export interface CitedEvidence {
  documentId: string;
  documentTitle: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  start: number;
  end: number;
  text: string;
}

/** An event with its entities resolved to names and its evidence cited. */
export interface EventView {
  id: string;
  type: string;
  typeLabel: string;
  group: string;
  status: ReviewStatus;
  modality: Modality;
  confidence: number;
  dateFrom: string | null;
  dateTo: string | null;
  dateText: string | null;
  duration: string | null;
  charge: string | null;
  penalty: string | null;
  subject: EntityRef | null;
  agent: EntityRef | null;
  object: EntityRef | null;
  place: EntityRef | null;
  evidence: CitedEvidence[];
  /** Evidence spans in all, when `evidence` holds only the first few. */
  evidenceTotal: number;
}

/** A place of the case with its coordinates (null when no gazetteer knows it). */
export interface PlaceView extends EntityRef {
  lon: number | null;
  lat: number | null;
  eventIds: string[];
}

/** A fact about the person with the reports that state it; `sensitive` ones must not be published. */
export interface AttributeView {
  key: string;
  value: unknown;
  sensitive: boolean;
  documents: string[];
}

/** A person's case file as the web shows it. */
export interface CaseView {
  person: EntityRecord;
  attributes: AttributeView[];
  events: EventView[];
  places: PlaceView[];
  /** Entities that take part in the person's events or share their reports, most shared first. */
  connections: Array<EntityRef & { shared: number }>;
  /** Reports that mention the person, with the number of mentions in each. */
  documents: Array<{
    id: string;
    title: string | null;
    published: string | null;
    source: string | null;
    url: string | null;
    sha256: string | null;
    mentions: number;
  }>;
}

/** Options of a case view: which review states to include (default: suggested and confirmed). */
export interface CaseViewOptions {
  statuses?: readonly ReviewStatus[];
  /** Evidence spans kept per event (all by default; the web page shows the first few). */
  evidenceLimit?: number;
}

/** Date order with undated events last; ties keep listing order. */
function byDate(a: EventView, b: EventView): number {
  const da = a.dateFrom ?? a.dateTo;
  const db = b.dateFrom ?? b.dateTo;
  if (da === db) return 0;
  if (da === null) return 1;
  if (db === null) return -1;
  return da < db ? -1 : 1;
}

/** Resolves events' entity ids and evidence documents into an EventView each. */
export async function presentEvents(
  { store, review }: ReviewableStore,
  events: EventRecord[],
  options: { evidenceLimit?: number } = {},
): Promise<EventView[]> {
  const limit = options.evidenceLimit ?? Number.POSITIVE_INFINITY;
  events = events.map((e) => (e.evidence.length > limit ? { ...e, evidence: e.evidence.slice(0, limit), evidenceTotal: e.evidence.length } : e));
  const entityIds = new Set<string>();
  for (const e of events) {
    for (const id of [e.subjectId, e.agentId, e.objectId, e.placeId]) if (id) entityIds.add(id);
  }
  const entities = new Map((await store.entities.getMany([...entityIds])).map((e) => [e.id, e]));
  const docs = await review.documentTitles(events.flatMap((e) => e.evidence.map((v) => v.documentId)));
  const ref = (id: string | null): EntityRef | null => {
    if (!id) return null;
    const e = entities.get(id);
    return e ? { id: e.id, type: e.type, name: e.name } : null;
  };
  return events.map((e) => {
    const def = isEventType(e.type) ? getEventType(e.type) : null;
    return {
      id: e.id,
      type: e.type,
      typeLabel: def?.label ?? e.type,
      group: def?.group ?? 'other',
      status: e.status,
      modality: e.modality,
      confidence: e.confidence,
      dateFrom: e.dateFrom,
      dateTo: e.dateTo,
      dateText: e.dateText,
      duration: e.duration,
      charge: e.charge,
      penalty: e.penalty,
      subject: ref(e.subjectId),
      agent: ref(e.agentId),
      object: ref(e.objectId),
      place: ref(e.placeId),
      evidenceTotal: 'evidenceTotal' in e && typeof e.evidenceTotal === 'number' ? e.evidenceTotal : e.evidence.length,
      evidence: e.evidence.map((v) => {
        const d = docs.get(v.documentId);
        return {
          documentId: v.documentId,
          documentTitle: d?.title ?? null,
          published: d?.published ?? null,
          source: d?.source ?? null,
          url: d?.url ?? null,
          start: v.start,
          end: v.end,
          text: v.text,
        };
      }),
    };
  });
}

/**
 * A person's (or organization's) case file: events in date order with cited evidence, the places
 * located on a map, connected entities and the reports that mention them.
 */
export async function getCaseView(deps: ReviewableStore, entityId: string, options: CaseViewOptions = {}): Promise<CaseView> {
  const { store, review } = deps;
  // An entity merged into another answers with the survivor's file.
  entityId = await store.resolution.currentId(entityId);
  const person = await store.entities.get(entityId);
  if (!person) throw new NotFoundError(`entity ${entityId}`);
  const attributes: AttributeView[] = [];
  for (const source of await store.resolution.attributeSources(entityId)) {
    for (const value of Array.isArray(source.value) ? (source.value as unknown[]) : [source.value]) {
      const same = attributes.find((a) => a.key === source.key && JSON.stringify(a.value) === JSON.stringify(value));
      if (same && !same.documents.includes(source.documentId)) same.documents.push(source.documentId);
      else if (!same) attributes.push({ key: source.key, value, sensitive: source.sensitive, documents: [source.documentId] });
    }
  }
  const statuses = new Set<ReviewStatus>(options.statuses ?? ['suggested', 'confirmed']);
  // A place's file gathers what happened there; anyone else's, what happened to or was done by them.
  const listed =
    person.type === 'place'
      ? (await review.listEvents({ placeId: entityId, limit: 5000 })).events
      : await store.events.listForEntity(entityId);
  const records = listed.filter((e) => statuses.has(e.status));
  const events = (await presentEvents(deps, records, options.evidenceLimit ? { evidenceLimit: options.evidenceLimit } : {})).sort(byDate);

  const places = new Map<string, PlaceView>();
  const shared = new Map<string, EntityRef & { shared: number }>();
  const count = (r: EntityRef | null, weight: number): void => {
    if (!r || r.id === entityId) return;
    const c = shared.get(r.id) ?? { ...r, shared: 0 };
    c.shared += weight;
    shared.set(r.id, c);
  };
  for (const e of events) {
    if (e.place) {
      const p = places.get(e.place.id) ?? { ...e.place, lon: null, lat: null, eventIds: [] };
      p.eventIds.push(e.id);
      places.set(e.place.id, p);
    }
    for (const r of [e.subject, e.agent, e.object]) count(r, 2);
  }

  const mentions = await store.entities.mentionsOf([entityId]);
  const perDoc = new Map<string, number>();
  for (const m of mentions) perDoc.set(m.documentId, (perDoc.get(m.documentId) ?? 0) + 1);
  const docMeta = await review.documentTitles([...perDoc.keys()]);
  const documents = [...perDoc].map(([id, n]) => {
    const d = docMeta.get(id);
    return {
      id,
      title: d?.title ?? null,
      published: d?.published ?? null,
      source: d?.source ?? null,
      url: d?.url ?? null,
      sha256: d?.sha256 ?? null,
      mentions: n,
    };
  });
  // Entities named in the same reports, in one query however many reports there are.
  for (const m of await store.resolution.coMentioned(entityId, 60)) {
    if (m.type === 'place') {
      if (!places.has(m.entityId)) places.set(m.entityId, { id: m.entityId, type: 'place', name: m.name, lon: null, lat: null, eventIds: [] });
      continue;
    }
    count({ id: m.entityId, type: m.type, name: m.name }, 1);
  }

  const placeRecords = new Map((await store.entities.getMany([...places.keys()])).map((e) => [e.id, e]));
  for (const p of places.values()) {
    const rec = placeRecords.get(p.id);
    const hit = locatePlace([p.name, ...(rec?.aliases ?? [])]);
    if (hit) {
      p.lon = hit.lon;
      p.lat = hit.lat;
    }
  }

  return {
    person,
    attributes,
    events,
    places: [...places.values()],
    connections: [...shared.values()].sort((a, b) => b.shared - a.shared || a.name.localeCompare(b.name)).slice(0, 30),
    documents,
  };
}
