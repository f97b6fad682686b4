import type { ExportDocument, ExportEntity, ExportEvent } from '../domain/chronicle-export.js';
import type { ReviewStatus, Sensitivity } from '../domain/chronicle-json.js';
import { ValidationError } from '../errors.js';
import { nameKey } from '../link/index.js';
import type { EventRecord, Store } from '../store/index.js';
import { toExportDocument, toExportEntity, toExportEvent } from './export-form.js';

/** A person's case file: the person, their events in date order, and what those events refer to. */
export interface PersonCase {
  person: ExportEntity;
  /** Events where the person is subject, agent or object: dated ones by date, undated last. */
  events: ExportEvent[];
  /** Names of every entity the events refer to, by id (the person included). */
  names: Record<string, string>;
  /** The documents the events and the person's mentions come from, in ingest order. */
  documents: ExportDocument[];
}

/** A person with how many events involve them. */
export interface PersonSummary {
  id: string;
  name: string;
  aliases: string[];
  eventCount: number;
  status: ReviewStatus;
  sensitivity: Sensitivity;
}

/**
 * Finds a person by name or alias (case-insensitive; an exact name beats an alias, the earliest
 * recorded person breaks ties) and gathers their case; null when no person has that name.
 */
export async function getPersonCase(store: Store, name: string): Promise<PersonCase | null> {
  const key = nameKey(name);
  if (key === '') throw new ValidationError('a person name is required');
  const [found] = await store.entities.findByName('person', key);
  if (!found) return null;
  const mentions = await store.entities.mentionsOf([found.id]);
  const events = sortByDate(await store.events.listForEntity(found.id));

  const referenced = new Set<string>(
    events.flatMap((e) => [e.subjectId, e.agentId, e.objectId, e.placeId]).filter((id): id is string => id !== null),
  );
  referenced.delete(found.id);
  const names: Record<string, string> = { [found.id]: found.name };
  for (const entity of await store.entities.getMany([...referenced])) names[entity.id] = entity.name;

  const documentIds = new Set([
    ...mentions.map((m) => m.documentId),
    ...events.flatMap((e) => e.evidence.map((s) => s.documentId)),
  ]);
  const documents: ExportDocument[] = [];
  for (const id of documentIds) {
    const doc = await store.documents.get(id);
    if (doc) documents.push(toExportDocument(doc));
  }
  return { person: toExportEntity(found, mentions), events: events.map(toExportEvent), names, documents };
}

/** Events by `date.from` (ISO prefixes compare as strings), undated last; ties keep listing order. */
export function sortByDate(events: EventRecord[]): EventRecord[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => {
      const x = a.event.dateFrom ?? a.event.dateTo;
      const y = b.event.dateFrom ?? b.event.dateTo;
      if (x === null && y === null) return a.index - b.index;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : x > y ? 1 : a.index - b.index;
    })
    .map((e) => e.event);
}

/** Every person with their event count, most events first, then by name. */
export async function listPeople(store: Store): Promise<PersonSummary[]> {
  const people = await store.entities.listWithEventCounts('person');
  return people
    .map((p) => ({
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      eventCount: p.eventCount,
      status: p.status,
      sensitivity: p.sensitivity,
    }))
    .sort((a, b) => b.eventCount - a.eventCount || a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
}
