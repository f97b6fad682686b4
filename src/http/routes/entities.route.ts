import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseToCsv, exportCase, statusesOf } from '../../services/case-export.service.js';
import { getCaseView } from '../../services/case-view.service.js';
import { mergeFromReview, splitFromReview } from '../../services/entity-review.service.js';
import type { ReviewableStore } from '../../store/reviewable-store.js';
import { caseExportQuery, caseQuery, idParams, mergeBody, splitBody } from '../schemas.js';

/** Evidence spans per event on the case page; exports and printed files cite them all. */
const EVIDENCE_SHOWN = 6;

/** A person's (or organization's) case file and its exports. */
export function entityRoutes(deps: ReviewableStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/entities/:id',
      {
        schema: {
          tags: ['case'],
          summary: 'Case file: names, attributes, dated events with evidence, places, connections, reports',
          params: idParams,
          querystring: caseQuery,
        },
      },
      (request) => getCaseView(deps, request.params.id, { statuses: statusesOf(request.query.scope), evidenceLimit: EVIDENCE_SHOWN }),
    );
    app.get(
      '/api/entities/:id/export',
      {
        schema: {
          tags: ['case'],
          summary: 'Export a case file as JSON or CSV (confirmed facts unless scope says more)',
          params: idParams,
          querystring: caseExportQuery,
        },
      },
      async (request, reply) => {
        const c = await exportCase(deps, request.params.id, request.query.scope);
        const stem = c.person.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'case';
        if (request.query.format === 'csv') {
          reply.header('content-type', 'text/csv; charset=utf-8');
          reply.header('content-disposition', `attachment; filename="${encodeURIComponent(stem)}.csv"`);
          return caseToCsv(c);
        }
        reply.header('content-disposition', `attachment; filename="${encodeURIComponent(stem)}.json"`);
        return c;
      },
    );
    app.post(
      '/api/entities/:id/merge',
      {
        schema: {
          tags: ['review'],
          summary: 'Merge another entity into this one (the same person); recorded in the review log',
          params: idParams,
          body: mergeBody,
        },
      },
      (request) => mergeFromReview(deps, request.params.id, request.body.mergedId, request.body.reason ?? null),
    );
    app.post(
      '/api/entities/:id/split',
      {
        schema: {
          tags: ['review'],
          summary: "Split off the mentions in some reports into a new entity (another person); recorded in the review log",
          params: idParams,
          body: splitBody,
        },
      },
      (request) =>
        splitFromReview(deps, request.params.id, request.body.documents, {
          ...(request.body.name ? { name: request.body.name } : {}),
          reason: request.body.reason ?? null,
        }),
    );
  };
}
