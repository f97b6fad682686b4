import type { ReviewStatus, Sensitivity } from '../domain/chronicle-json.js';
import { EVENT_TYPES } from '../domain/event-types.js';
import { overviewRepository } from '../store/kysely/overview.repository.js';
import type { EntityCount } from '../store/kysely/review.repository.js';
import type { ReviewableStore } from '../store/reviewable-store.js';
import { readableLevels, summarizeStore, type StoreSummary } from './summary.service.js';

/** What the home page shows: counts, review progress, latest reports and the people with most events. */
export interface HomeView {
  summary: StoreSummary;
  eventTypes: Array<{ id: string; label: string; group: string; count: number }>;
  review: Record<ReviewStatus, number>;
  latest: Array<{ id: string; title: string | null; published: string | null; source: string | null; ingestedAt: string }>;
  topPeople: EntityCount[];
}

const LATEST = 8;
const TOP_PEOPLE = 12;

/**
 * The store at a glance as a reader cleared up to `clearance` sees it: every count, list and
 * progress bar leaves out records marked above the clearance.
 */
export async function getHomeView(deps: ReviewableStore, clearance: Sensitivity): Promise<HomeView> {
  const { store } = deps;
  const overview = overviewRepository(store, readableLevels(clearance));
  const [summary, review, latestIds, top] = await Promise.all([
    summarizeStore(store, clearance),
    overview.countEventsByStatus(),
    overview.latestDocumentIds(LATEST),
    overview.topSubjectCounts('person', TOP_PEOPLE),
  ]);
  // Titles and names come through the repositories, which present records as stored for readers.
  const latest: HomeView['latest'] = [];
  for (const id of latestIds) {
    const d = await store.documents.get(id);
    if (d) latest.push({ id: d.id, title: d.title, published: d.published, source: d.source, ingestedAt: d.ingestedAt });
  }
  const people = new Map((await store.entities.getMany(top.map((t) => t.id))).map((e) => [e.id, e]));
  const topPeople: EntityCount[] = [];
  for (const t of top) {
    const e = people.get(t.id);
    if (e) topPeople.push({ id: e.id, type: e.type, name: e.name, status: e.status, eventCount: t.eventCount });
  }
  topPeople.sort((a, b) => b.eventCount - a.eventCount || a.name.localeCompare(b.name));
  const eventTypes = EVENT_TYPES.map((t) => ({ id: t.id, label: t.label, group: t.group, count: summary.eventsByType[t.id] ?? 0 }));
  return { summary, eventTypes, review, latest, topPeople };
}
