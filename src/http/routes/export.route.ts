import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { statusesOf } from '../../services/case-export.service.js';
import { exportStore } from '../../services/export.service.js';
import type { EventRecord, Store } from '../../store/index.js';
import type { ReviewableStore } from '../../store/reviewable-store.js';
import { storeExportQuery } from '../schemas.js';

const TYPES = { json: 'application/json', csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson' } as const;

/** The store as the export sees it: only events in the given review states. */
function withEventStatuses(store: Store, statuses: readonly string[]): Store {
  const events = store.events;
  return {
    ...store,
    events: Object.assign(Object.create(events) as typeof events, {
      async *iterate(options?: { type?: string; pageSize?: number }): AsyncIterable<EventRecord> {
        for await (const event of events.iterate(options)) if (statuses.includes(event.status)) yield event;
      },
    }),
  };
}

/** The whole store as Chronicle JSON, CSV or JSON Lines, streamed. */
export function exportRoutes(deps: ReviewableStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/export',
      {
        schema: {
          tags: ['export'],
          summary: 'Export the store: confirmed events unless scope asks for more; each item carries its review status',
          querystring: storeExportQuery,
        },
      },
      async (request, reply) => {
        const { format, text, scope } = request.query;
        const store = withEventStatuses(deps.store, statusesOf(scope));
        const stream = new PassThrough();
        reply.header('content-type', TYPES[format]);
        reply.header('content-disposition', `attachment; filename="chronicle-export.${format}"`);
        exportStore(store, format, (chunk) => void stream.write(chunk), { includeText: text === 'true' }).then(
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
