import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportStore } from '../../services/export.service.js';
import type { ReviewableStore } from '../../store/sqlite/open-reviewable-store.js';
import { storeExportQuery } from '../schemas.js';

const TYPES = { json: 'application/json', csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson' } as const;

/** The whole store as Chronicle JSON, CSV or JSON Lines, streamed. */
export function exportRoutes(deps: ReviewableStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/export',
      {
        schema: {
          tags: ['export'],
          summary: 'Export the store (every fact, each with its review status)',
          querystring: storeExportQuery,
        },
      },
      async (request, reply) => {
        const { format, text } = request.query;
        const stream = new PassThrough();
        reply.header('content-type', TYPES[format]);
        reply.header('content-disposition', `attachment; filename="chronicle-export.${format}"`);
        exportStore(deps.store, format, (chunk) => void stream.write(chunk), { includeText: text === 'true' }).then(
          () => stream.end(),
          (error: unknown) => {
            request.log.error(error);
            stream.destroy(error instanceof Error ? error : new Error(String(error)));
          },
        );
        return reply.send(stream);
      },
    );
  };
}
