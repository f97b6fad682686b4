import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readerClearance } from '../../auth/index.js';
import { EVENT_TYPES } from '../../domain/event-types.js';
import { getHomeView } from '../../services/home.service.js';
import type { ReviewableStore } from '../../store/reviewable-store.js';

/** The store at a glance, and the event vocabulary. */
export function homeRoutes(deps: ReviewableStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/health', { schema: { tags: ['meta'], summary: 'Liveness and schema version' } }, async () => ({
      ok: true,
      schemaVersion: await deps.store.schemaVersion(),
    }));
    app.get(
      '/api/home',
      { schema: { tags: ['browse'], summary: 'Counts, review progress, latest reports, people with most events: all of what the reader may see' } },
      // Counts of what the reader may not read would say how much is hidden: count only the readable.
      (request) => getHomeView(deps, readerClearance(request)),
    );
    app.get('/api/event-types', { schema: { tags: ['meta'], summary: 'The event vocabulary' } }, () =>
      EVENT_TYPES.map((t) => ({ id: t.id, label: t.label, group: t.group, definition: t.definition })),
    );
  };
}
