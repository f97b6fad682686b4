import type { ReviewStatus, Sensitivity } from '../domain/chronicle-json.js';
import { readableLevels } from '../protect/sensitivity.js';
import type { EntityCount } from '../store/kysely/review.repository.js';
import type { ReviewableStore } from '../store/reviewable-store.js';
import type { SearchHit } from '../store/index.js';
import { presentEvents, type EventView } from './case-view.service.js';

/** A search over reports, people and events: free text and/or filters on events. */
export interface SearchRequest {
  q?: string;
  type?: string;
  status?: ReviewStatus;
  dateFrom?: string;
  dateTo?: string;
  place?: string;
  limit?: number;
  offset?: number;
  /** The reader's clearance: events above it are neither listed nor counted (default: everything). */
  clearance?: Sensitivity;
}

/** A document hit with where it was published. */
export interface DocumentHit extends SearchHit {
  published: string | null;
  source: string | null;
}

/** Results by kind. `eventTotal` counts every matching event, beyond the page. */
export interface SearchResults {
  documents: DocumentHit[];
  entities: EntityCount[];
  events: EventView[];
  eventTotal: number;
}

const TEXT_HITS = 200;

/** The words of a query without its operators, for matching names. */
function plainWords(q: string): string {
  return q
    .replace(/(^|\s)(-|!)\S+/g, ' ')
    .replace(/\b(OR|AND|NOT)\b/g, ' ')
    .replace(/["*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function hasEventFilter(r: SearchRequest): boolean {
  return Boolean(r.type || r.status || r.dateFrom || r.dateTo || r.place);
}

/**
 * Full-text search (words, "phrases", prefix*, OR, -excluded) over reports and evidence, names of
 * people and organizations, and events filtered by type, status, date range and place.
 * Without text, lists the events the filters select.
 */
export async function searchCaseStore(deps: ReviewableStore, request: SearchRequest): Promise<SearchResults> {
  const limit = request.limit ?? 50;
  const offset = request.offset ?? 0;
  const filter = {
    ...(request.type ? { type: request.type } : {}),
    ...(request.status ? { status: request.status } : {}),
    ...(request.dateFrom ? { dateFrom: request.dateFrom } : {}),
    ...(request.dateTo ? { dateTo: request.dateTo } : {}),
    ...(request.place ? { place: request.place } : {}),
    ...(request.clearance ? { levels: readableLevels(request.clearance) } : {}),
  };
  const q = request.q?.trim() ?? '';
  if (!q) {
    const { total, events } = await deps.review.listEvents({ ...filter, limit, offset });
    return { documents: [], entities: [], events: await presentEvents(deps, events, { evidenceLimit: 3 }), eventTotal: total };
  }
  const hits = await deps.store.search.search(q, { limit: TEXT_HITS });
  const eventIds = [...new Set(hits.filter((h) => h.eventId !== null).map((h) => h.eventId as string))];
  const { total, events } = await deps.review.listEvents({ ...filter, ids: eventIds, limit, offset });
  const meta = await deps.review.documentTitles(hits.map((h) => h.documentId));
  let documents: DocumentHit[] = hits
    .filter((h) => h.kind === 'document')
    .map((h) => ({ ...h, published: meta.get(h.documentId)?.published ?? null, source: meta.get(h.documentId)?.source ?? null }));
  // Filters on events apply to reports by their publication date only.
  if (request.dateFrom) documents = documents.filter((d) => d.published !== null && `${d.published}~` >= (request.dateFrom as string));
  if (request.dateTo) documents = documents.filter((d) => d.published !== null && d.published <= (request.dateTo as string));
  if (request.type || request.status || request.place) documents = [];
  const words = plainWords(q);
  const entities = words && !hasEventFilter(request) ? await deps.review.findEntities(words, { limit: 20 }) : [];
  return { documents: documents.slice(0, limit), entities, events: await presentEvents(deps, events, { evidenceLimit: 3 }), eventTotal: total };
}
