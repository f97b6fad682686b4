import type { ExportEvent } from '../domain/chronicle-export.js';
import { EVENT_TYPES, isEventType } from '../domain/event-types.js';
import { ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { inBatches, toExportEvent } from './export-form.js';

/** An event in export form with the names of the entities it refers to, for listing. */
export interface ListedEvent extends ExportEvent {
  subjectName: string | null;
  agentName: string | null;
  objectName: string | null;
  placeName: string | null;
}

/** Events (of one type), in listing order; an unknown type is a ValidationError. */
export async function listEvents(store: Store, options: { type?: string; limit?: number } = {}): Promise<ListedEvent[]> {
  const { type, limit } = options;
  if (type !== undefined && !isEventType(type)) {
    throw new ValidationError(`unknown event type ${JSON.stringify(type)}: use one of ${EVENT_TYPES.map((t) => t.id).join(', ')}`);
  }
  const out: ListedEvent[] = [];
  for await (const batch of inBatches(store.events.iterate(type !== undefined ? { type } : {}), 200)) {
    const ids = batch.flatMap((e) => [e.subjectId, e.agentId, e.objectId, e.placeId]).filter((id): id is string => id !== null);
    const names = new Map((await store.entities.getMany(ids)).map((e) => [e.id, e.name]));
    const name = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? null));
    for (const event of batch) {
      out.push({
        ...toExportEvent(event),
        subjectName: name(event.subjectId),
        agentName: name(event.agentId),
        objectName: name(event.objectId),
        placeName: name(event.placeId),
      });
      if (limit !== undefined && out.length >= limit) return out;
    }
  }
  return out;
}
