import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readerClearance } from '../../auth/index.js';
import { readableLevels } from '../../protect/sensitivity.js';
import { getReviewLog, getReviewQueue, reviewEvent } from '../../services/review.service.js';
import type { ReviewableStore } from '../../store/reviewable-store.js';
import { idParams, logQuery, queueQuery, reviewBody } from '../schemas.js';

/** The review queue, review decisions and the review log. */
export function reviewRoutes(deps: ReviewableStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/review/queue',
      { schema: { tags: ['review'], summary: 'Events awaiting review, with evidence in context and candidate entities', querystring: queueQuery } },
      (request) => {
        const q = request.query;
        return getReviewQueue(deps, {
          status: q.status,
          limit: q.limit,
          offset: q.offset,
          ...(q.type ? { type: q.type } : {}),
          // Events above the reader's clearance are neither listed nor counted.
          levels: readableLevels(readerClearance(request)),
        });
      },
    );
    app.post(
      '/api/events/:id/review',
      {
        schema: {
          tags: ['review'],
          summary: 'Confirm, reject or correct an event; recorded in the review log',
          params: idParams,
          body: reviewBody,
        },
      },
      (request) => {
        const b = request.body;
        return reviewEvent(deps, request.params.id, {
          action: b.action,
          ...(b.changes ? { changes: b.changes } : {}),
          reason: b.reason ?? null,
          ...(request.auth?.name ? { actor: request.auth.name } : {}),
        });
      },
    );
    app.get(
      '/api/events/:id/log',
      { schema: { tags: ['review'], summary: 'Review log of one event, newest first', params: idParams, querystring: logQuery } },
      (request) => getReviewLog(deps, { eventId: request.params.id, limit: request.query.limit }),
    );
    app.get(
      '/api/review/log',
      { schema: { tags: ['review'], summary: 'The review log, newest first', querystring: logQuery } },
      (request) => getReviewLog(deps, { limit: request.query.limit }),
    );
  };
}
