import type { Store } from '../store/index.js';

/** What a store holds, in counts. */
export interface StoreSummary {
  documents: number;
  people: number;
  organizations: number;
  places: number;
  events: number;
  /** Events per type id, types without events left out. */
  eventsByType: Record<string, number>;
}

/** Counts of documents, entities by type and events by type. */
export async function summarizeStore(store: Store): Promise<StoreSummary> {
  const documents = await store.documents.count();
  const entities = await store.entities.countByType();
  const eventsByType = await store.events.countByType();
  return {
    documents,
    people: entities.person,
    organizations: entities.organization,
    places: entities.place,
    events: Object.values(eventsByType).reduce((a, b) => a + b, 0),
    eventsByType,
  };
}
