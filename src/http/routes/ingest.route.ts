import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ingestUpload } from '../../services/upload.service.js';
import type { ReviewableStore } from '../../store/reviewable-store.js';
import { ingestBody } from '../schemas.js';

/** Base64 of the largest accepted input (20 MB) plus the JSON around it. */
const BODY_LIMIT = 30 * 1024 * 1024;

/** Ingest from the browser: one uploaded or pasted file per request, so the page can show progress. */
export function ingestRoutes(deps: ReviewableStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/ingest',
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags: ['ingest'],
          summary: 'Ingest one file (text, HTML, RSS/Atom feed or JSONL): per-document outcome and errors',
          body: ingestBody,
        },
      },
      (request) => {
        const b = request.body;
        const bytes = b.content !== undefined ? Buffer.from(b.content, 'base64') : Buffer.from(b.text ?? '', 'utf8');
        return ingestUpload(deps.store, b.name, bytes, {
          ...(b.kind ? { kind: b.kind } : {}),
          published: b.published ?? null,
          source: b.source ?? null,
          url: b.url ?? null,
        });
      },
    );
  };
}
