import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readerClearance } from '../../auth/index.js';
import { searchCaseStore } from '../../services/web-search.service.js';
import type { ReviewableStore } from '../../store/reviewable-store.js';
import { peopleQuery, searchQuery } from '../schemas.js';

/** Search over reports, evidence and names; entity listings. */
export function searchRoutes(deps: ReviewableStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/search',
      {
        schema: {
          tags: ['browse'],
          summary: 'Search reports, people and events',
          description:
            'Words, "exact phrases", prefix*, OR and -excluded words over report text and evidence; names of people and ' +
            'organizations; events filtered by type, review status, date range (ISO prefixes) and place name.',
          querystring: searchQuery,
        },
      },
      (request) => {
        const q = request.query;
        return searchCaseStore(deps, {
          ...(q.q !== undefined ? { q: q.q } : {}),
          ...(q.type ? { type: q.type } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.dateFrom ? { dateFrom: q.dateFrom } : {}),
          ...(q.dateTo ? { dateTo: q.dateTo } : {}),
          ...(q.place ? { place: q.place } : {}),
          limit: q.limit,
          offset: q.offset,
          clearance: readerClearance(request),
        });
      },
    );
    app.get(
      '/api/entities',
      { schema: { tags: ['browse'], summary: 'People, organizations or places by name, most events first', querystring: peopleQuery } },
      (request) => deps.review.findEntities(request.query.q, { type: request.query.type, limit: request.query.limit }),
    );
  };
}
