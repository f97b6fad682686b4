import type { ReviewStatus } from '../domain/chronicle-json.js';
import { EVENT_TYPES } from '../domain/event-types.js';
import type { EntityCount } from '../store/kysely/review.repository.js';
import type { ReviewableStore } from '../store/reviewable-store.js';
import { summarizeStore, type StoreSummary } from './summary.service.js';

/** What the home page shows: counts, review progress, latest reports and the people with most events. */
export interface HomeView {
  summary: StoreSummary;
  eventTypes: Array<{ id: string; label: string; group: string; count: number }>;
  review: Record<ReviewStatus, number>;
  latest: Array<{ id: string; title: string | null; published: string | null; source: string | null; ingestedAt: string }>;
  topPeople: EntityCount[];
}

/** The store at a glance. */
export async function getHomeView(deps: ReviewableStore): Promise<HomeView> {
  const [summary, review, latest, topPeople] = await Promise.all([
    summarizeStore(deps.store),
    deps.review.countEventsByStatus(),
    deps.review.latestDocuments(8),
    deps.review.topSubjects('person', 12),
  ]);
  const eventTypes = EVENT_TYPES.map((t) => ({ id: t.id, label: t.label, group: t.group, count: summary.eventsByType[t.id] ?? 0 }));
  return { summary, eventTypes, review, latest, topPeople };
}
