import type { Sensitivity } from '../domain/chronicle-json.js';
import { canRead, SENSITIVITIES } from '../protect/sensitivity.js';
import type { Store } from '../store/index.js';
import { overviewRepository } from '../store/kysely/overview.repository.js';

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

/** The levels a reader cleared up to `clearance` may see, least protected first. */
export function readableLevels(clearance: Sensitivity): Sensitivity[] {
  return SENSITIVITIES.filter((level) => canRead(clearance, level));
}

/**
 * Counts of documents, entities by type and events by type that a reader cleared up to `clearance`
 * may see (everything by default, as the command line sees it). Each record counts by its own mark.
 */
export async function summarizeStore(store: Store, clearance: Sensitivity = 'confidential'): Promise<StoreSummary> {
  const overview = overviewRepository(store, readableLevels(clearance));
  const documents = await overview.countDocuments();
  const entities = await overview.countEntitiesByType();
  const eventsByType = await overview.countEventsByType();
  return {
    documents,
    people: entities.person,
    organizations: entities.organization,
    places: entities.place,
    events: Object.values(eventsByType).reduce((a, b) => a + b, 0),
    eventsByType,
  };
}
