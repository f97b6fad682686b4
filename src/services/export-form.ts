import type { ExportDocument, ExportEntity, ExportEvent } from '../domain/chronicle-export.js';
import type { EventDate } from '../domain/chronicle-json.js';
import type { DocumentRecord, EntityRecord, EventRecord, MentionRecord } from '../store/index.js';

/** A stored document in export form. */
export function toExportDocument(doc: DocumentRecord, text?: string): ExportDocument {
  return {
    id: doc.id,
    title: doc.title,
    published: doc.published,
    language: doc.language,
    source: doc.source,
    url: doc.url,
    sha256: doc.sha256,
    sensitivity: doc.sensitivity,
    ...(text !== undefined ? { text } : {}),
  };
}

/** A stored entity and its mentions in export form. */
export function toExportEntity(entity: EntityRecord, mentions: MentionRecord[]): ExportEntity {
  return {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    aliases: entity.aliases,
    mentions: mentions.map((m) => ({ document: m.documentId, start: m.start, end: m.end, text: m.text })),
    attributes: entity.attributes,
    status: entity.status,
    sensitivity: entity.sensitivity,
  };
}

/** A stored event in export form (the `date` object of Chronicle JSON, `to` only when known). */
export function toExportEvent(event: EventRecord): ExportEvent {
  let date: EventDate | null = null;
  if (event.dateFrom !== null || event.dateTo !== null || event.dateText !== null) {
    date = {
      ...(event.dateFrom !== null ? { from: event.dateFrom } : {}),
      ...(event.dateTo !== null ? { to: event.dateTo } : {}),
      text: event.dateText ?? '',
    };
  }
  return {
    id: event.id,
    type: event.type,
    subject: event.subjectId,
    agent: event.agentId,
    object: event.objectId,
    place: event.placeId,
    date,
    duration: event.duration,
    charge: event.charge,
    penalty: event.penalty,
    modality: event.modality,
    confidence: event.confidence,
    evidence: event.evidence.map((e) => ({ document: e.documentId, start: e.start, end: e.end, text: e.text })),
    status: event.status,
    sensitivity: event.sensitivity,
  };
}

/** Groups an async sequence into arrays of `size`, so related rows can be loaded a page at a time. */
export async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Items grouped by key, each group in input order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
